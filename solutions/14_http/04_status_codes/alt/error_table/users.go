// Alt: a table of sentinel errors and their statuses, searched with errors.Is; one method-and-path switch instead of ServeMux patterns.
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

// codes pairs each error of the registry with its HTTP status.
var codes = []struct {
	err  error
	code int
}{
	{ErrInvalid, http.StatusBadRequest},
	{ErrTaken, http.StatusConflict},
	{ErrNotFound, http.StatusNotFound},
}

// fail answers with the status of err, and its message.
func fail(w http.ResponseWriter, err error) {
	for _, c := range codes {
		if errors.Is(err, c.err) {
			http.Error(w, c.err.Error(), c.code)
			return
		}
	}
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// NewMux returns the HTTP API of reg.
func NewMux(reg *Registry) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, item := strings.CutPrefix(r.URL.Path, "/users/")
		switch {
		case r.URL.Path == "/users" && r.Method == http.MethodPost:
			body, err := io.ReadAll(io.LimitReader(r.Body, 1024))
			if err != nil {
				http.Error(w, "cannot read the body", http.StatusBadRequest)
				return
			}
			name := strings.TrimSpace(string(body))
			if err := reg.Add(name); err != nil {
				fail(w, err)
				return
			}
			w.Header().Set("Location", "/users/"+name)
			w.WriteHeader(http.StatusCreated)
			fmt.Fprintf(w, "created %s\n", name)
		case r.URL.Path == "/users":
			w.Header().Set("Allow", "POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		case !item || name == "" || strings.Contains(name, "/"):
			http.NotFound(w, r)
		case r.Method == http.MethodGet || r.Method == http.MethodHead:
			if !reg.Has(name) {
				fail(w, ErrNotFound)
				return
			}
			fmt.Fprintln(w, name)
		case r.Method == http.MethodDelete:
			if err := reg.Remove(name); err != nil {
				fail(w, err)
				return
			}
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Allow", "GET, HEAD, DELETE")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}
