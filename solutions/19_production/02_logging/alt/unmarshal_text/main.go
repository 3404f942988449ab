// Parses the level with slog.Level.UnmarshalText and logs requests with LogAttrs and typed attributes.
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
	var lvl slog.Level
	if level != "" {
		// UnmarshalText also accepts offsets such as "info+2": only the
		// four names are allowed here.
		if strings.ContainsAny(level, "+-") {
			return nil, fmt.Errorf("unknown log level %q", level)
		}
		if err := lvl.UnmarshalText([]byte(level)); err != nil {
			return nil, fmt.Errorf("unknown log level %q: %w", level, err)
		}
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: lvl})), nil
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
		if rec.status >= 500 {
			level = slog.LevelError
		} else if rec.status >= 400 {
			level = slog.LevelWarn
		}
		logger.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Duration("duration", time.Since(start)),
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
