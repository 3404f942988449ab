// Another way: readiness is a state behind a sync.RWMutex, the delay is a
// time.Timer in a select that also notices the server failing, and the
// routes are registered on a ServeMux without method patterns.
// Drain before stopping. When an orchestrator stops a pod it sends SIGTERM
// and, at the same moment, starts taking it out of the load balancer, which
// takes a few seconds; a server that stops accepting at once turns those
// seconds into failed requests. Write Serve: it serves s.Handler() on ln;
// when ctx is done (main cancels it on SIGTERM) GET /ready answers 503 at
// once, so the load balancer stops sending new requests, while GET /health
// still answers 200 (the process is alive: no restart) and every other
// request is still served, for the preStop delay; only then does it shut
// the server down gracefully (http.Server.Shutdown, at most 10 seconds),
// letting requests in flight finish, and return nil. Before ctx is done,
// /ready answers 200. The hidden tests run Serve in fake time
// (testing/synctest) on an in-memory listener and pass when every step
// happens in that order at the right moment.
package drain

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

type state int

const (
	starting state = iota
	serving
	draining
)

// Server serves an application with health and readiness endpoints.
type Server struct {
	app     http.Handler
	preStop time.Duration

	mu    sync.RWMutex
	state state
}

// New returns a Server for app that keeps serving for preStop after it is
// told to stop.
func New(app http.Handler, preStop time.Duration) *Server {
	return &Server{app: app, preStop: preStop}
}

func (s *Server) set(st state) {
	s.mu.Lock()
	s.state = st
	s.mu.Unlock()
}

// Handler answers /health and /ready, and passes everything else to app.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, `{"status":"alive"}`)
	})
	mux.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) {
		s.mu.RLock()
		st := s.state
		s.mu.RUnlock()
		if st != serving {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, `{"status":"not ready"}`)
			return
		}
		fmt.Fprintln(w, `{"status":"ready"}`)
	})
	mux.Handle("/", s.app)
	return mux
}

// Serve serves on ln until ctx is done, then drains and shuts down.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	failed := make(chan error, 1)
	go func() {
		if err := srv.Serve(ln); err != http.ErrServerClosed {
			failed <- err
		}
	}()
	s.set(serving)

	select {
	case err := <-failed:
		return err
	case <-ctx.Done():
	}
	s.set(draining)
	timer := time.NewTimer(s.preStop)
	defer timer.Stop()
	select {
	case err := <-failed:
		return err
	case <-timer.C:
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdownCtx)
}
