// Alt: no ServeMux; an http.Server whose handler switches on the path, then on the method.
package main

import (
	"io"
	"log"
	"net/http"
	"os"
)

func handle(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/health":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		io.WriteString(w, "ok\n")
	default:
		http.NotFound(w, r)
	}
}

func main() {
	srv := &http.Server{
		Addr:    os.Getenv("ADDR"),
		Handler: http.HandlerFunc(handle),
	}
	log.Printf("server starting on %s", srv.Addr)
	log.Fatal(srv.ListenAndServe())
}
