// Graceful shutdown. To stop a service (a deploy, a scale-down), the
// platform sends SIGTERM, waits a little, then kills it. On SIGTERM (or
// Ctrl-C), stop accepting new connections, let the requests in flight
// finish, log a JSON line with the message "shutdown complete", and exit
// with status 0.
package main

import (
	"encoding/json"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"time"
)

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
	})
	// GET /slow?ms=800 takes 800ms: a request still running when the
	// signal arrives.
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		ms, _ := strconv.Atoi(r.URL.Query().Get("ms"))
		select {
		case <-time.After(time.Duration(ms) * time.Millisecond):
			w.Write([]byte("done\n"))
		case <-r.Context().Done(): // the client gave up
		}
	})
	return mux
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	srv := &http.Server{Addr: addr, Handler: newMux(), ReadHeaderTimeout: 5 * time.Second}

	// TODO: serve in a goroutine, wait for SIGTERM or Ctrl-C
	// (signal.NotifyContext), then srv.Shutdown with a time limit of its own.
	logger.Info("listening", "addr", addr)
	log.Fatal(srv.ListenAndServe())
}
