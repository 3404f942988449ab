// main mounts the API on a mux of its own and serves it with an
// http.Server that has timeouts.
// Project layout. Everything is in this one main package. Split it the way
// Go services are laid out: the notes (Note, Store and its methods) into
// internal/notes, the HTTP handlers into internal/httpapi as
// NewHandler(store *notes.Store) http.Handler, and leave main with nothing
// but the wiring: read ADDR, build the store (with its welcome note), build
// the handler, serve. No types and no handlers in main.
package main

import (
	"log"
	"net/http"
	"os"
	"time"

	"backendlings/solutions/20_services/01_layout/internal/httpapi"
	"backendlings/solutions/20_services/01_layout/internal/notes"
)

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	store := notes.NewStore()
	store.Add("welcome: this service keeps notes")

	mux := http.NewServeMux()
	mux.Handle("/", httpapi.NewHandler(store))

	srv := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("listening on %s", addr)
	log.Fatal(srv.ListenAndServe())
}
