package perf

import (
	"log/slog"
	"net/http"
	"net/http/pprof"
)

// ANCHOR: server
// debugServer serves the profiling endpoints on their own address, which
// must not be reachable from the internet: 127.0.0.1, or a port that only
// the internal network can reach.
func debugServer(addr string) *http.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index) // heap, goroutine, allocs…
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile) // CPU, ?seconds=30
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return &http.Server{Addr: addr, Handler: mux}
}

func startDebugServer() {
	srv := debugServer("127.0.0.1:6060")
	go func() {
		if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
			slog.Error("debug server", "err", err)
		}
	}()
}

// ANCHOR_END: server

var _ = startDebugServer
