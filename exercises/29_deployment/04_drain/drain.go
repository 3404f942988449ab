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
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Server serves an application with health and readiness endpoints.
type Server struct {
	app     http.Handler
	preStop time.Duration
	ready   atomic.Bool
}

// New returns a Server for app that keeps serving for preStop after it is
// told to stop.
func New(app http.Handler, preStop time.Duration) *Server {
	return &Server{app: app, preStop: preStop}
}

// Handler answers /health and /ready, and passes everything else to app.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /ready", func(w http.ResponseWriter, r *http.Request) {
		if !s.ready.Load() {
			http.Error(w, "draining", http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte("ready\n"))
	})
	mux.Handle("/", s.app)
	return mux
}

// Serve serves on ln until ctx is done, then drains and shuts down.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	s.ready.Store(true)

	<-ctx.Done()
	// TODO: stop being ready, keep serving for s.preStop, then shut down
	// gracefully. Closing at once fails the requests the load balancer is
	// still sending.
	return srv.Close()
}
