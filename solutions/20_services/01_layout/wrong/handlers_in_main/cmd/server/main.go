// Wrong: the notes moved to internal/notes, but the handlers stayed in main
// and internal/httpapi is unused: main is more than wiring.
// Project layout. Everything is in this one main package. Split it the way
// Go services are laid out: the notes (Note, Store and its methods) into
// internal/notes, the HTTP handlers into internal/httpapi as
// NewHandler(store *notes.Store) http.Handler, and leave main with nothing
// but the wiring: read ADDR, build the store (with its welcome note), build
// the handler, serve. No types and no handlers in main.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"strconv"

	"backendlings/solutions/20_services/01_layout/internal/notes"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	store := notes.NewStore()
	store.Add("welcome: this service keeps notes")

	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, store.List())
	})
	mux.HandleFunc("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Text string `json:"text"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Text == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want {\"text\": \"...\"}"})
			return
		}
		writeJSON(w, http.StatusCreated, store.Add(in.Text))
	})
	mux.HandleFunc("GET /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		n, ok := store.Get(id)
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such note"})
			return
		}
		writeJSON(w, http.StatusOK, n)
	})

	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
