// Wrong: logs the duration as a string ("1.2ms") instead of a time.Duration.
// Logging wraps a handler and logs one line per request, after the handler
// has finished: level INFO, message "request", and the attributes method,
// path (without the query string), status and duration (a time.Duration).
// To know the status, wrap the ResponseWriter in a type that remembers the
// first status written; give it an Unwrap method returning the original.
package logging

import (
	"log/slog"
	"net/http"
	"time"
)

// Logging returns next, logging every request it serves to logger.
func Logging(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.String("duration", time.Since(start).String()),
		)
	})
}

// statusRecorder is a ResponseWriter that remembers the status sent. A
// handler that never calls WriteHeader sends 200 with its first Write, or
// when it returns: hence the default.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wroteHeader {
		s.status = code
		s.wroteHeader = true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wroteHeader = true // a Write sends 200 if nothing was sent before
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the original ResponseWriter,
// for Flush, deadlines and the other optional features it may have.
func (s *statusRecorder) Unwrap() http.ResponseWriter {
	return s.ResponseWriter
}
