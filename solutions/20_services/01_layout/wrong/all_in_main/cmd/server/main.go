// Wrong: the starting point, everything still in package main: the internal
// packages are empty and nothing imports them.
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
	"slices"
	"strconv"
	"sync"
)

// Note is one note.
type Note struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

// Store keeps notes in memory; it is safe for concurrent use.
type Store struct {
	mu    sync.Mutex
	notes []Note
}

func newStore() *Store { return &Store{} }

func (s *Store) add(text string) Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := Note{ID: len(s.notes) + 1, Text: text}
	s.notes = append(s.notes, n)
	return n
}

func (s *Store) list() []Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.notes)
}

func (s *Store) get(id int) (Note, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id < 1 || id > len(s.notes) {
		return Note{}, false
	}
	return s.notes[id-1], true
}

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
	store := newStore()
	store.add("welcome: this service keeps notes")

	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, store.list())
	})
	mux.HandleFunc("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Text string `json:"text"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Text == "" {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "want {\"text\": \"...\"}"})
			return
		}
		writeJSON(w, http.StatusCreated, store.add(in.Text))
	})
	mux.HandleFunc("GET /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(r.PathValue("id"))
		n, ok := store.get(id)
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such note"})
			return
		}
		writeJSON(w, http.StatusOK, n)
	})

	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
