// RequestID gives every request an ID that follows it through the logs of
// every service it touches. Use the incoming X-Request-ID header when it is
// valid (1 to 64 letters, digits, '-', '_' or '.'); otherwise generate a
// new random one, valid too and at least 16 characters long, so that no two
// collide and none can be guessed. Set it on the response's X-Request-ID
// header before calling next, and store it in the request's context under a
// key of an unexported type, where FromContext finds it.
package requestid

import (
	"context"
	"net/http"
)

// Header is the name of the request ID header.
const Header = "X-Request-ID"

// RequestID returns next, with every request carrying an ID.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TODO
		next.ServeHTTP(w, r)
	})
}

// FromContext returns the request ID stored in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	// TODO
	return ""
}
