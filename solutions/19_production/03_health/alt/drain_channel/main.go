// Drain closes a channel once (sync.Once); each check runs in a goroutine raced against the deadline with select.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// A Check reports whether one dependency works. It gives up, returning
// ctx.Err(), when ctx ends.
type Check func(ctx context.Context) error

// Health serves the liveness and readiness endpoints.
type Health struct {
	checks    map[string]Check
	timeout   time.Duration // how long /ready waits for the checks
	drained   chan struct{}
	drainOnce sync.Once
}

// NewHealth returns a Health running checks (by name) for /ready.
func NewHealth(checks map[string]Check, timeout time.Duration) *Health {
	return &Health{checks: checks, timeout: timeout, drained: make(chan struct{})}
}

// Live answers GET /health: 200 {"status":"ok"}.
func (h *Health) Live(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, struct {
		Status string `json:"status"`
	}{"ok"})
}

// Ready answers GET /ready. It runs every check with a context derived
// from the request's, ending after h.timeout, and answers
//
//	200 {"status":"ready","checks":{"cache":"ok","db":"ok"}}
//	503 {"status":"unavailable","checks":{"cache":"failing","db":"ok"}}
//	503 {"status":"shutting down"}   (after Drain; no checks are run)
func (h *Health) Ready(w http.ResponseWriter, r *http.Request) {
	select {
	case <-h.drained:
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
		return
	default:
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	status, code := "ready", http.StatusOK
	results := map[string]string{}
	for name, check := range h.checks {
		if run(ctx, check) != nil {
			results[name] = "failing"
			status, code = "unavailable", http.StatusServiceUnavailable
		} else {
			results[name] = "ok"
		}
	}
	writeJSON(w, code, map[string]any{"status": status, "checks": results})
}

// run runs check, giving up when ctx ends even if check does not.
func run(ctx context.Context, check Check) error {
	done := make(chan error, 1)
	go func() { done <- check(ctx) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Drain makes /ready answer 503 from now on: the load balancer stops
// sending new requests while the server finishes the ones it has.
func (h *Health) Drain() {
	h.drainOnce.Do(func() { close(h.drained) })
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// cache is filled in the background at startup; the service is not ready
// to serve until it is.
type cache struct {
	loaded atomic.Bool
}

func (c *cache) warmUp(d time.Duration) {
	time.Sleep(d) // loading the prices from somewhere slow
	c.loaded.Store(true)
}

func (c *cache) check(ctx context.Context) error {
	if !c.loaded.Load() {
		return errors.New("still warming up")
	}
	return nil
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	warmup, err := time.ParseDuration(os.Getenv("WARMUP"))
	if err != nil {
		warmup = 2 * time.Second
	}

	prices := &cache{}
	go prices.warmUp(warmup)
	health := NewHealth(map[string]Check{"cache": prices.check}, time.Second)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", health.Live)
	mux.HandleFunc("GET /ready", health.Ready)
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, mux))
}
