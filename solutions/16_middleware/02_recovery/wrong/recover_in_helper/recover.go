// Wrong: the deferred function calls a helper that calls recover(); recover stops a panic only when the deferred function calls it directly.
// Recover wraps a handler so that a panic in it becomes a 500 answer
// instead of a dropped connection. Recover the panic, log it at level ERROR
// with the panic value (attribute "panic"), and answer 500 with the JSON
// {"error":"internal error"}: never the panic value itself. A panic with
// http.ErrAbortHandler is net/http's way to abort a response on purpose:
// let that one go on (panic again).
package recovery

import (
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
)

// Recover returns next, turning its panics into 500 answers.
// catch returns the panic value, if any.
func catch() any {
	return recover()
}

func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := catch()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // a deliberate abort: net/http handles it quietly
			}
			logger.ErrorContext(r.Context(), "panic while serving a request",
				"panic", v,
				"method", r.Method,
				"path", r.URL.Path,
				"stack", string(debug.Stack()),
			)
			// If the handler had already sent its status, this one is
			// ignored, and the client sees a cut-off answer: the best
			// that can be done.
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, `{"error":"internal error"}`+"\n")
		}()
		next.ServeHTTP(w, r)
	})
}
