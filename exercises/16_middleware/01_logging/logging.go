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
		next.ServeHTTP(w, r)
		// TODO: the status, and the attributes described above.
		logger.Info("request", "url", r.URL.String(), "took", time.Since(start).String())
	})
}
