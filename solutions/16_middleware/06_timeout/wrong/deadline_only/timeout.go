// Wrong: treats only context.DeadlineExceeded as the context ending; a cancelled request (client gone) answers 500.
// A request must not run for ever. Timeout answers 503 Service Unavailable
// when next has not finished within d, even if next never looks at its
// context, and ends next's context at that moment (http.TimeoutHandler
// does both). Handler must call work with the request's context, so that
// the work stops when the deadline passes or the client goes away.
package timeout

import (
	"context"
	"errors"
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
		result, err := work(r.Context())
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			http.Error(w, "request timed out", http.StatusServiceUnavailable)
		case err != nil:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusInternalServerError)
			w.Write([]byte(`{"error":"internal error"}`))
		default:
			w.Write([]byte(result))
		}
	})
}

// Timeout returns next, limited to d.
func Timeout(d time.Duration, next http.Handler) http.Handler {
	// TimeoutHandler runs next with a context that ends after d. If next
	// has not finished by then, it answers 503 with this body at once;
	// whatever next writes later is discarded.
	return http.TimeoutHandler(next, d, `{"error":"request timed out"}`)
}
