// Wrong: checks each note route but lists every user's notes.
// NewHandler serves each user's private notes as JSON:
//
//	POST   /notes       {"text": "..."}  → 201 and the new note
//	GET    /notes                         → 200 and the caller's notes
//	GET    /notes/{id}                    → 200 and the note
//	PUT    /notes/{id}  {"text": "..."}  → 200 and the changed note
//	DELETE /notes/{id}                    → 204
//
// Every request carries "Authorization: Bearer TOKEN"; currentUser (given)
// finds the user, and a request without a valid token gets 401.
//
// It works, and anyone can read, change or delete anyone's note by trying
// IDs: an insecure direct object reference. Make every handler check that
// the note belongs to the caller. Answer another user's note exactly as a
// note that does not exist (404 and the same body), so that nobody learns
// which IDs exist. A new note belongs to the caller, and no request body
// can set or change a note's owner: only "text" is read from a body. The
// list holds the caller's notes only. The hidden tests pass when user B
// can do nothing with user A's notes.
package notes

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
)

// tokens are the users' session tokens (given; a real service looks the
// session up).
var tokens = map[string]string{
	"tok-alice-3b1f9e": "alice",
	"tok-bob-9c2e4a":   "bob",
}

// currentUser returns the user a request is authenticated as (given).
func currentUser(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	user, ok := tokens[token]
	return user, ok
}

// Note is one user's note.
type Note struct {
	ID    string `json:"id"`
	Owner string `json:"owner"`
	Text  string `json:"text"`
}

// Store keeps the notes in memory.
type Store struct {
	mu    sync.Mutex
	notes map[string]Note
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{notes: map[string]Note{}} }

// NewHandler returns the notes API over s.
func NewHandler(s *Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes", s.create)
	mux.HandleFunc("GET /notes", s.list)
	mux.HandleFunc("GET /notes/{id}", s.get)
	mux.HandleFunc("PUT /notes/{id}", s.update)
	mux.HandleFunc("DELETE /notes/{id}", s.delete)
	return requireUser(mux)
}

func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := currentUser(r); !ok {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
}

// input is all a request body may set.
type input struct {
	Text string `json:"text"`
}

func readInput(w http.ResponseWriter, r *http.Request) (input, bool) {
	var in input
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON"})
		return in, false
	}
	return in, true
}

// owned returns the note id if it belongs to user. Another user's note
// and a missing one are the same to the caller: not found.
func (s *Store) owned(user, id string) (Note, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.notes[id]
	if !ok || n.Owner != user {
		return Note{}, false
	}
	return n, true
}

func (s *Store) create(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	in, ok := readInput(w, r)
	if !ok {
		return
	}
	n := Note{ID: rand.Text(), Owner: user, Text: in.Text}
	s.mu.Lock()
	s.notes[n.ID] = n
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, n)
}

func (s *Store) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	mine := []Note{}
	for _, n := range s.notes {
		mine = append(mine, n)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, mine)
}

func (s *Store) get(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	n, ok := s.owned(user, r.PathValue("id"))
	if !ok {
		notFound(w)
		return
	}
	writeJSON(w, http.StatusOK, n)
}

func (s *Store) update(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	n, ok := s.owned(user, r.PathValue("id"))
	if !ok {
		notFound(w)
		return
	}
	in, ok := readInput(w, r)
	if !ok {
		return
	}
	n.Text = in.Text
	s.mu.Lock()
	// The note may have been deleted meanwhile; write only if it is
	// still there and still the caller's.
	if cur, ok := s.notes[n.ID]; ok && cur.Owner == user {
		s.notes[n.ID] = n
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, n)
}

func (s *Store) delete(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	id := r.PathValue("id")
	s.mu.Lock()
	n, ok := s.notes[id]
	ok = ok && n.Owner == user
	if ok {
		delete(s.notes, id)
	}
	s.mu.Unlock()
	if !ok {
		notFound(w)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
