// Alt: the middleware is a struct with a ServeHTTP method, and the writer's Write sends WriteHeader(200) through itself when no status was written.
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

// statusWriter passes everything on and notes the status that went out.
type statusWriter struct {
	http.ResponseWriter
	code int
	sent bool
}

func (sw *statusWriter) WriteHeader(code int) {
	if !sw.sent {
		sw.code, sw.sent = code, true
	}
	sw.ResponseWriter.WriteHeader(code)
}

func (sw *statusWriter) Write(b []byte) (int, error) {
	if !sw.sent {
		sw.WriteHeader(http.StatusOK)
	}
	return sw.ResponseWriter.Write(b)
}

// Unwrap returns the ResponseWriter this one wraps.
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// logged is the logging middleware around next.
type logged struct {
	logger *slog.Logger
	next   http.Handler
}

func (l logged) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
	l.next.ServeHTTP(sw, r)
	l.logger.Info("request",
		"method", r.Method,
		"path", r.URL.Path,
		"status", sw.code,
		"duration", time.Since(start))
}

// Logging returns next, logging every request it serves to logger.
func Logging(logger *slog.Logger, next http.Handler) http.Handler {
	return logged{logger: logger, next: next}
}
