// main mounts the API on the default mux with HandleFunc and its
// ServeHTTP method; the handlers are methods of a type in httpapi.
// Project layout. Everything is in this one main package. Split it the way
// Go services are laid out: the notes (Note, Store and its methods) into
// internal/notes, the HTTP handlers into internal/httpapi as
// NewHandler(store *notes.Store) http.Handler, and leave main with nothing
// but the wiring: read ADDR, build the store (with its welcome note), build
// the handler, serve. No types and no handlers in main.
package main

import (
	"cmp"
	"log"
	"net/http"
	"os"

	"backendlings/solutions/20_services/01_layout/internal/httpapi"
	"backendlings/solutions/20_services/01_layout/internal/notes"
)

func main() {
	addr := cmp.Or(os.Getenv("ADDR"), "127.0.0.1:8080")
	store := notes.NewStore()
	store.Add("welcome: this service keeps notes")

	http.HandleFunc("/", httpapi.NewHandler(store).ServeHTTP)
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
