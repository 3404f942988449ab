// Another way: context.AfterFunc turns readiness off the moment ctx is
// done, time.AfterFunc starts Shutdown after the delay, and the handler is
// a method with a switch on the path; readiness is a draining flag.
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
	"errors"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Server serves an application with health and readiness endpoints.
type Server struct {
	app      http.Handler
	preStop  time.Duration
	started  atomic.Bool
	draining atomic.Bool
}

// New returns a Server for app that keeps serving for preStop after it is
// told to stop.
func New(app http.Handler, preStop time.Duration) *Server {
	return &Server{app: app, preStop: preStop}
}

// Handler answers /health and /ready, and passes everything else to app.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/health":
		w.WriteHeader(http.StatusOK)
	case r.Method == http.MethodGet && r.URL.Path == "/ready":
		if !s.started.Load() || s.draining.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusOK)
	default:
		s.app.ServeHTTP(w, r)
	}
}

// Serve serves on ln until ctx is done, then drains and shuts down.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler()}
	shutdownErr := make(chan error, 1)
	stop := context.AfterFunc(ctx, func() {
		s.draining.Store(true)
		time.AfterFunc(s.preStop, func() {
			c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			shutdownErr <- srv.Shutdown(c)
		})
	})
	defer stop()
	s.started.Store(true)
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-shutdownErr
}
