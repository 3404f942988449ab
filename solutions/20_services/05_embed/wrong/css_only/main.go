// Wrong: embeds only the stylesheets of static/ (static/*.css), so app.js is missing from the binary.
// go:embed. The service reads its page template and static files from the
// disk, relative to the directory it is started in: deployed alone (a
// single binary in a container), it finds nothing. Embed them in the
// binary with //go:embed, and serve them from the embedded files: GET
// /static/... the files of static/, GET / the page from
// templates/index.html. The template itself must not be served.
package main

import (
	"embed"
	"html/template"
	"log"
	"net/http"
	"os"
)

var version = "dev"

// assets holds the two directories, compiled into the binary: the program
// reads them from its own memory, wherever it runs.
//
//go:embed static/*.css templates
var assets embed.FS

// NewHandler returns the site's handler.
func NewHandler(version string) (http.Handler, error) {
	page, err := template.ParseFS(assets, "templates/index.html")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	// The request path /static/style.css is the file static/style.css of
	// assets. Only static/ is routed here: the templates stay private.
	mux.Handle("GET /static/", http.FileServerFS(assets))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := page.Execute(w, map[string]string{"Version": version}); err != nil {
			log.Printf("rendering the page: %v", err)
		}
	})
	return mux, nil
}

func main() {
	h, err := NewHandler(version)
	if err != nil {
		log.Fatal(err)
	}
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, h))
}
