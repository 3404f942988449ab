// Alt: Handler asks the request's context (ctx.Err) whether it ended instead of inspecting work's error, and answers through a respond helper.
// A request must not run for ever. Timeout answers 503 Service Unavailable
// when next has not finished within d, even if next never looks at its
// context, and ends next's context at that moment (http.TimeoutHandler
// does both). Handler must call work with the request's context, so that
// the work stops when the deadline passes or the client goes away.
package timeout

import (
	"context"
	"net/http"
	"time"
)

// Work is a slow call to a backend: a database query, another service. It
// returns ctx.Err() as soon as ctx is done.
type Work func(ctx context.Context) (string, error)

// Handler answers 200 with the result of work. When work fails because its
// context ended, it answers 503; for any other error, 500 with
// {"error":"internal error"}.
func Handler(work Work) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		result, err := work(ctx)
		switch {
		case err == nil:
			respond(w, http.StatusOK, "text/plain; charset=utf-8", result)
		case ctx.Err() != nil:
			respond(w, http.StatusServiceUnavailable, "text/plain; charset=utf-8", "request timed out\n")
		default:
			respond(w, http.StatusInternalServerError, "application/json", `{"error":"internal error"}`)
		}
	})
}

// respond writes a whole answer.
func respond(w http.ResponseWriter, status int, contentType, body string) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	w.Write([]byte(body))
}

// Timeout returns next, limited to d.
func Timeout(d time.Duration, next http.Handler) http.Handler {
	return http.TimeoutHandler(next, d, "service unavailable: the request took too long")
}
