// Alternative: the store keeps one map of notes per user, so a lookup by
// another user cannot find the note at all; random hex IDs.
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
	"encoding/hex"
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

// Store keeps each user's notes apart: a user's lookups only ever see
// that user's map.
type Store struct {
	mu     sync.Mutex
	byUser map[string]map[string]Note
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{byUser: map[string]map[string]Note{}} }

func (s *Store) find(owner, id string) (Note, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.byUser[owner][id]
	return n, ok
}

func (s *Store) put(n Note) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byUser[n.Owner] == nil {
		s.byUser[n.Owner] = map[string]Note{}
	}
	s.byUser[n.Owner][n.ID] = n
}

func (s *Store) replace(n Note) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.byUser[n.Owner][n.ID]; !ok {
		return false
	}
	s.byUser[n.Owner][n.ID] = n
	return true
}

func (s *Store) remove(owner, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.byUser[owner][id]
	delete(s.byUser[owner], id)
	return ok
}

func (s *Store) all(owner string) []Note {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Note, 0, len(s.byUser[owner]))
	for _, n := range s.byUser[owner] {
		out = append(out, n)
	}
	return out
}

// NewHandler returns the notes API over s.
func NewHandler(s *Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes", func(w http.ResponseWriter, r *http.Request) {
		user, _ := currentUser(r)
		text, ok := readText(w, r)
		if !ok {
			return
		}
		b := make([]byte, 12)
		rand.Read(b)
		n := Note{ID: hex.EncodeToString(b), Owner: user, Text: text}
		s.put(n)
		writeJSON(w, http.StatusCreated, n)
	})
	mux.HandleFunc("GET /notes", func(w http.ResponseWriter, r *http.Request) {
		user, _ := currentUser(r)
		writeJSON(w, http.StatusOK, s.all(user))
	})
	mux.HandleFunc("GET /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		user, _ := currentUser(r)
		n, ok := s.find(user, r.PathValue("id"))
		if !ok {
			notFound(w)
			return
		}
		writeJSON(w, http.StatusOK, n)
	})
	mux.HandleFunc("PUT /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		user, _ := currentUser(r)
		n, ok := s.find(user, r.PathValue("id"))
		if !ok {
			notFound(w)
			return
		}
		text, ok := readText(w, r)
		if !ok {
			return
		}
		n.Text = text
		if !s.replace(n) {
			notFound(w)
			return
		}
		writeJSON(w, http.StatusOK, n)
	})
	mux.HandleFunc("DELETE /notes/{id}", func(w http.ResponseWriter, r *http.Request) {
		user, _ := currentUser(r)
		if !s.remove(user, r.PathValue("id")) {
			notFound(w)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return requireUser(mux)
}

func readText(w http.ResponseWriter, r *http.Request) (string, bool) {
	var body struct {
		Text string `json:"text"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON"})
		return "", false
	}
	return body.Text, true
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
