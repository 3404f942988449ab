// Wrong: each check gets a timeout of its own, run one after the other: two hanging checks keep /ready waiting twice the timeout.
// Liveness and readiness. GET /health asks "is the process alive?": it
// answers 200 {"status":"ok"} whenever the process can answer at all, and
// never runs the dependency checks. GET /ready asks "may I send traffic?":
// 200 when every check passes within the timeout, 503 when one fails or
// takes too long, and 503 for good once Drain has been called (shutdown).
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
	checks  map[string]Check
	timeout time.Duration // how long /ready waits for the checks
	// draining is set by Drain, from another goroutine than the requests
	// reading it: atomic.
	draining atomic.Bool
}

// NewHealth returns a Health running checks (by name) for /ready.
func NewHealth(checks map[string]Check, timeout time.Duration) *Health {
	return &Health{checks: checks, timeout: timeout}
}

// Live answers GET /health: 200 {"status":"ok"}.
func (h *Health) Live(w http.ResponseWriter, r *http.Request) {
	// No checks here: if the database is down, restarting this process
	// fixes nothing, and restarting every instance at once makes it worse.
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Ready answers GET /ready. It runs every check with a context derived
// from the request's, ending after h.timeout, and answers
//
//	200 {"status":"ready","checks":{"cache":"ok","db":"ok"}}
//	503 {"status":"unavailable","checks":{"cache":"failing","db":"ok"}}
//	503 {"status":"shutting down"}   (after Drain; no checks are run)
func (h *Health) Ready(w http.ResponseWriter, r *http.Request) {
	if h.draining.Load() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
		return
	}

	// Run the checks at once: /ready then takes as long as the slowest
	// check, not the sum of them all.
	var (
		mu      sync.Mutex
		wg      sync.WaitGroup
		results = make(map[string]string, len(h.checks))
		healthy = true
	)
	for name, check := range h.checks {
		func() {
			ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
			defer cancel()
			err := check(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				results[name] = "failing"
				healthy = false
			} else {
				results[name] = "ok"
			}
		}()
	}
	wg.Wait()

	if !healthy {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "checks": results})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ready", "checks": results})
}

// Drain makes /ready answer 503 from now on: the load balancer stops
// sending new requests while the server finishes the ones it has.
func (h *Health) Drain() {
	h.draining.Store(true)
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
