// Wrong: calls srv.Shutdown in a goroutine, but returns from main as soon as
// ListenAndServe returns, which is when Shutdown begins, not when it ends.
// Graceful shutdown. To stop a service (a deploy, a scale-down), the
// platform sends SIGTERM, waits a little, then kills it. On SIGTERM (or
// Ctrl-C), stop accepting new connections, let the requests in flight
// finish, log a JSON line with the message "shutdown complete", and exit
// with status 0.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
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
	if err := run(logger); err != nil {
		logger.Error("server failed", "err", err)
		os.Exit(1)
	}
	logger.Info("shutdown complete")
}

// run serves until SIGTERM or Ctrl-C, then shuts down gracefully.
func run(logger *slog.Logger) error {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	srv := &http.Server{Addr: addr, Handler: newMux(), ReadHeaderTimeout: 5 * time.Second}

	// ctx ends when the first SIGTERM or SIGINT arrives.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go func() {
		<-ctx.Done()
		stop()
		logger.Info("shutting down", "signal", context.Cause(ctx))
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil {
			logger.Error("shutdown", "err", err)
		}
	}()

	logger.Info("listening", "addr", addr)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
