// Wrong: refuses an incoming ID of exactly 64 characters (>= instead of >).
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
	"crypto/rand"
	"net/http"
)

// Header is the name of the request ID header.
const Header = "X-Request-ID"

// ctxKey is the type of this package's context key. No other package can
// name it, so no other package's values can collide with ours.
type ctxKey struct{}

// RequestID returns next, with every request carrying an ID.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(Header)
		if !valid(id) {
			id = rand.Text() // 26 random base32 characters
		}
		w.Header().Set(Header, id)
		ctx := context.WithValue(r.Context(), ctxKey{}, id)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// FromContext returns the request ID stored in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// valid accepts IDs that are safe to copy into logs and headers.
func valid(id string) bool {
	if len(id) == 0 || len(id) >= 64 {
		return false
	}
	for _, c := range id {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}
