// Recover wraps a handler so that a panic in it becomes a 500 answer
// instead of a dropped connection. Recover the panic, log it at level ERROR
// with the panic value (attribute "panic"), and answer 500 with the JSON
// {"error":"internal error"}: never the panic value itself. A panic with
// http.ErrAbortHandler is net/http's way to abort a response on purpose:
// let that one go on (panic again).
package recovery

import (
	"log/slog"
	"net/http"
)

// Recover returns next, turning its panics into 500 answers.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO: a deferred function that recovers.
		next.ServeHTTP(w, r)
	})
}
