// Package httpapi is the service's HTTP interface: it turns requests into
// calls to the notes package and its results into JSON.
package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"

	"backendlings/solutions/20_services/01_layout/internal/notes"
)

// NewHandler returns the service's routes, working on store.
func NewHandler(store *notes.Store) http.Handler {
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
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
