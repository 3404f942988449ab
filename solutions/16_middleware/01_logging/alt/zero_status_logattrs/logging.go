// Alt: the recorder starts at status 0 and treats 0 as 200 when logging; the line is written with LogAttrs and typed attributes.
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

// recorder remembers the first status written through it.
type recorder struct {
	http.ResponseWriter
	status int // 0 until the header is sent
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	return rec.ResponseWriter.Write(b)
}

// Unwrap returns the ResponseWriter this one wraps.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// Logging returns next, logging every request it serves to logger.
func Logging(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", status),
			slog.Duration("duration", time.Since(start)),
		)
	})
}
