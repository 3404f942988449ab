// Wrong: 400 itself is logged at INFO: the WARN level starts above 400.
// Structured logging: every log line a JSON object on stdout, with typed
// fields that log tools can search (level=ERROR, status>=500). Write
// NewLogger and make LogRequests pick the level from the status. In main,
// build the logger from LOG_LEVEL and make it the default (slog.SetDefault),
// so that the log package goes through it too.
package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"
)

// NewLogger returns a logger that writes one JSON object per line to w,
// letting through the records at level and above. level is "debug",
// "info", "warn" or "error", in any case; "" means "info"; any other name
// is an error.
func NewLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	switch strings.ToLower(level) {
	case "debug":
		l = slog.LevelDebug
	case "info", "":
		l = slog.LevelInfo
	case "warn":
		l = slog.LevelWarn
	case "error":
		l = slog.LevelError
	default:
		return nil, fmt.Errorf("unknown log level %q: use debug, info, warn or error", level)
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// LogRequests logs one line per request once it has been served: message
// "request", with the attributes method, path, status and duration. The
// level says how worried to be: INFO below 400, WARN for 4xx (the client's
// mistake), ERROR for 5xx (ours).
func LogRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		level := slog.LevelInfo
		switch {
		case rec.status >= 500:
			level = slog.LevelError
		case rec.status > 400:
			level = slog.LevelWarn
		}
		logger.Log(r.Context(), level, "request",
			"method", r.Method,
			"path", r.URL.Path,
			"status", rec.status,
			"duration", time.Since(start),
		)
	})
}

// statusRecorder remembers the status a handler sends (chapter 16).
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wroteHeader {
		s.status, s.wroteHeader = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wroteHeader = true
	return s.ResponseWriter.Write(b)
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

var items = map[string]string{"1": "fountain pen", "2": "ink"}

func newMux(logger *slog.Logger) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		logger.Debug("looking up an item", "id", id)
		name, ok := items[id]
		if !ok {
			http.Error(w, "no such item", http.StatusNotFound)
			return
		}
		w.Write([]byte(name + "\n"))
	})
	mux.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		err := errors.New("reports database: connection refused")
		logger.Error("building the report", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	})
	return mux
}

func main() {
	logger, err := NewLogger(os.Stdout, os.Getenv("LOG_LEVEL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// The log package (and net/http's own error messages, which go
	// through it) now writes JSON through the same handler.
	slog.SetDefault(logger)

	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	logger.Info("listening", "addr", addr)
	err = http.ListenAndServe(addr, LogRequests(logger, newMux(logger)))
	logger.Error("server stopped", "err", err)
	os.Exit(1)
}
