// Package httpapi is the service's HTTP interface: it turns requests into
// calls to the notes package and its results into JSON.
package httpapi

import (
	"encoding/json"
	"net/http"
	"strconv"

	"backendlings/solutions/20_services/01_layout/internal/notes"
)

type api struct {
	store *notes.Store
}

// NewHandler returns the service's routes, working on store.
func NewHandler(store *notes.Store) http.Handler {
	a := &api{store: store}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes", a.list)
	mux.HandleFunc("POST /notes", a.create)
	mux.HandleFunc("GET /notes/{id}", a.get)
	return mux
}

func (a *api) list(w http.ResponseWriter, r *http.Request) {
	respond(w, http.StatusOK, a.store.List())
}

func (a *api) create(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Text == "" {
		respond(w, http.StatusBadRequest, map[string]string{"error": "want {\"text\": \"...\"}"})
		return
	}
	respond(w, http.StatusCreated, a.store.Add(in.Text))
}

func (a *api) get(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.PathValue("id"))
	n, ok := a.store.Get(id)
	if err != nil || !ok {
		respond(w, http.StatusNotFound, map[string]string{"error": "no such note"})
		return
	}
	respond(w, http.StatusOK, n)
}

func respond(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
