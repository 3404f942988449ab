// Alt: the recovering code is a separate function (handle) deferred with the writer, it checks the abort with errors.Is, and encodes the answer with json.Encoder.
// Recover wraps a handler so that a panic in it becomes a 500 answer
// instead of a dropped connection. Recover the panic, log it at level ERROR
// with the panic value (attribute "panic"), and answer 500 with the JSON
// {"error":"internal error"}: never the panic value itself. A panic with
// http.ErrAbortHandler is net/http's way to abort a response on purpose:
// let that one go on (panic again).
package recovery

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
)

// Recover returns next, turning its panics into 500 answers.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				handle(logger, w, r, v)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// handle answers a request whose handler panicked with v.
func handle(logger *slog.Logger, w http.ResponseWriter, r *http.Request, v any) {
	if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
		panic(v)
	}
	logger.LogAttrs(r.Context(), slog.LevelError, "handler panicked",
		slog.Any("panic", v),
		slog.String("path", r.URL.Path),
		slog.String("stack", string(debug.Stack())),
	)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(map[string]string{"error": "internal error"})
}
