// Makes both maps in NewRegistry with make, field by field.
package metrics

import (
	"net/http"
	"sync"
)

// Registry counts HTTP requests per route, for a /metrics page. It is safe
// for concurrent use.
type Registry struct {
	mu       sync.Mutex
	requests map[string]int // requests per route
	failures map[string]int // 5xx responses per route
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	r := new(Registry)
	r.requests = make(map[string]int)
	r.failures = make(map[string]int)
	return r
}

// Observe records one request to route, answered with status.
func (r *Registry) Observe(route string, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.requests[route]++
	if status >= 500 {
		r.failures[route]++
	}
}

// Requests returns how many requests route has had.
func (r *Registry) Requests(route string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.requests[route]
}

// Failures returns how many requests to route were answered with a 5xx
// status.
func (r *Registry) Failures(route string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failures[route]
}

// Middleware counts every request that next serves, under route.
func (r *Registry) Middleware(route string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, req)
		r.Observe(route, rec.status)
	})
}

// statusRecorder remembers the status code a handler writes.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}
