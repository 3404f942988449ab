// Alt: the middleware is a struct type with a ServeHTTP method, and the fixed JSON body is a constant written with io.WriteString.
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
)

const internalError = `{"error":"internal error"}` + "\n"

// recoverer serves next, turning its panics into 500 answers.
type recoverer struct {
	logger *slog.Logger
	next   http.Handler
}

func (rc *recoverer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		v := recover()
		switch v {
		case nil:
			return
		case http.ErrAbortHandler:
			panic(v)
		}
		rc.logger.ErrorContext(r.Context(), "recovered", "panic", v, "method", r.Method, "path", r.URL.Path)
		h := w.Header()
		h.Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, internalError)
	}()
	rc.next.ServeHTTP(w, r)
}

// Recover returns next, turning its panics into 500 answers.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return &recoverer{logger: logger, next: next}
}
