// Serves a sub-tree made with fs.Sub behind http.StripPrefix, from one embed.FS with glob patterns.
package main

import (
	"embed"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"os"
)

var version = "dev"

//go:embed static/* templates/*.html
var assets embed.FS

// NewHandler returns the site's handler.
func NewHandler(version string) (http.Handler, error) {
	page, err := template.ParseFS(assets, "templates/index.html")
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
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
