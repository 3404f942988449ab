// Wrong: DELETE of an unknown user answers 500: the ErrNotFound case is missing.
// A registry of usernames over HTTP. The registry works; the handlers
// answer every outcome with 200 or 500. Give each outcome its status:
// POST /users → 201 Created with "Location: /users/NAME", 400 for an
// invalid name, 409 Conflict for a taken one; GET /users/{name} → 200 or
// 404; DELETE /users/{name} → 204 No Content (no body) or 404.
package users

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
)

// The registry's errors. They come back wrapped: compare with errors.Is.
var (
	ErrInvalid  = errors.New("invalid username")
	ErrTaken    = errors.New("username taken")
	ErrNotFound = errors.New("no such user")
)

// Registry holds the usernames in memory. It is safe for concurrent use.
type Registry struct {
	mu    sync.Mutex
	names map[string]bool
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{names: map[string]bool{}}
}

// Add registers a name: 3 to 20 lowercase letters or digits.
func (reg *Registry) Add(name string) error {
	if !valid(name) {
		return fmt.Errorf("add %q: %w", name, ErrInvalid)
	}
	reg.mu.Lock()
	defer reg.mu.Unlock()
	if reg.names[name] {
		return fmt.Errorf("add %q: %w", name, ErrTaken)
	}
	reg.names[name] = true
	return nil
}

// Has reports whether name is registered.
func (reg *Registry) Has(name string) bool {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	return reg.names[name]
}

// Remove unregisters a name.
func (reg *Registry) Remove(name string) error {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	if !reg.names[name] {
		return fmt.Errorf("remove %q: %w", name, ErrNotFound)
	}
	delete(reg.names, name)
	return nil
}

func valid(name string) bool {
	if len(name) < 3 || len(name) > 20 {
		return false
	}
	for _, c := range name {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// NewMux returns the HTTP API of reg.
func NewMux(reg *Registry) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /users", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1024))
		if err != nil {
			http.Error(w, "cannot read the body", http.StatusBadRequest)
			return
		}
		name := strings.TrimSpace(string(body))
		if err := reg.Add(name); err != nil {
			switch {
			case errors.Is(err, ErrInvalid):
				http.Error(w, "a username is 3 to 20 lowercase letters or digits", http.StatusBadRequest)
			case errors.Is(err, ErrTaken):
				http.Error(w, "username taken", http.StatusConflict)
			default:
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
			return
		}
		// Headers first, then the status line, then the body: once
		// WriteHeader (or the first Write) has run, the headers are sent.
		w.Header().Set("Location", "/users/"+name)
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "created %s\n", name)
	})
	mux.HandleFunc("GET /users/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if !reg.Has(name) {
			http.Error(w, "no such user", http.StatusNotFound)
			return
		}
		fmt.Fprintln(w, name)
	})
	mux.HandleFunc("DELETE /users/{name}", func(w http.ResponseWriter, r *http.Request) {
		if err := reg.Remove(r.PathValue("name")); err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}
