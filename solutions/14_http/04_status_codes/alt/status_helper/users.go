// Alt: the status for a registry error comes from one status function (a switch over errors.Is), and every answer goes through a respond helper.
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

// status maps an error of the registry to its HTTP status.
func status(err error) int {
	switch {
	case errors.Is(err, ErrInvalid):
		return http.StatusBadRequest
	case errors.Is(err, ErrTaken):
		return http.StatusConflict
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound
	default:
		return http.StatusInternalServerError
	}
}

// respond writes code and, unless it is empty, a one-line text body.
func respond(w http.ResponseWriter, code int, body string) {
	if body != "" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	}
	w.WriteHeader(code)
	if body != "" {
		fmt.Fprintln(w, body)
	}
}

// NewMux returns the HTTP API of reg.
func NewMux(reg *Registry) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /users", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1024))
		if err != nil {
			respond(w, http.StatusBadRequest, "cannot read the body")
			return
		}
		name := strings.TrimSpace(string(body))
		if err := reg.Add(name); err != nil {
			code := status(err)
			respond(w, code, http.StatusText(code))
			return
		}
		w.Header().Set("Location", "/users/"+name)
		respond(w, http.StatusCreated, "created "+name)
	})
	mux.HandleFunc("GET /users/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if !reg.Has(name) {
			respond(w, http.StatusNotFound, "no such user")
			return
		}
		respond(w, http.StatusOK, name)
	})
	mux.HandleFunc("DELETE /users/{name}", func(w http.ResponseWriter, r *http.Request) {
		if err := reg.Remove(r.PathValue("name")); err != nil {
			code := status(err)
			respond(w, code, http.StatusText(code))
			return
		}
		respond(w, http.StatusNoContent, "")
	})
	return mux
}
