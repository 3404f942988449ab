// Alternative: one wrapper resolves {id} to a note of the caller for every
// route that takes an ID; sequential IDs, and a body decoded into an
// anonymous struct with Text only.
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
	"encoding/json"
	"net/http"
	"strconv"
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
	mu     sync.Mutex
	notes  map[string]Note
	serial int
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{notes: map[string]Note{}} }

// ownedHandler is a handler for one of the caller's notes.
type ownedHandler func(w http.ResponseWriter, r *http.Request, n Note)

// owned resolves {id} to a note of the caller before calling h; every
// route with an {id} goes through it, so none can forget the check.
func (s *Store) owned(h ownedHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		user, ok := currentUser(r)
		if !ok {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		s.mu.Lock()
		n, found := s.notes[r.PathValue("id")]
		s.mu.Unlock()
		if !found || n.Owner != user {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
			return
		}
		h(w, r, n)
	}
}

// NewHandler returns the notes API over s.
func NewHandler(s *Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /notes", s.create)
	mux.HandleFunc("GET /notes", s.list)
	mux.HandleFunc("GET /notes/{id}", s.owned(func(w http.ResponseWriter, r *http.Request, n Note) {
		writeJSON(w, http.StatusOK, n)
	}))
	mux.HandleFunc("PUT /notes/{id}", s.owned(s.update))
	mux.HandleFunc("DELETE /notes/{id}", s.owned(func(w http.ResponseWriter, r *http.Request, n Note) {
		s.mu.Lock()
		delete(s.notes, n.ID)
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := currentUser(r); !ok {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		mux.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func decodeText(r *http.Request) (string, error) {
	var in struct{ Text string }
	err := json.NewDecoder(r.Body).Decode(&in)
	return in.Text, err
}

func (s *Store) create(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	text, err := decodeText(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON"})
		return
	}
	s.mu.Lock()
	s.serial++
	n := Note{ID: "n" + strconv.Itoa(s.serial), Owner: user, Text: text}
	s.notes[n.ID] = n
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, n)
}

func (s *Store) list(w http.ResponseWriter, r *http.Request) {
	user, _ := currentUser(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	mine := []Note{}
	for _, n := range s.notes {
		if n.Owner == user {
			mine = append(mine, n)
		}
	}
	writeJSON(w, http.StatusOK, mine)
}

func (s *Store) update(w http.ResponseWriter, r *http.Request, n Note) {
	text, err := decodeText(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad JSON"})
		return
	}
	n.Text = text
	s.mu.Lock()
	s.notes[n.ID] = n
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, n)
}
