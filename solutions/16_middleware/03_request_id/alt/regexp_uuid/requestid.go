// A regular expression checks incoming IDs, new ones are random UUIDs
// (version 4), and the key is a pointer to an unexported struct.
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
	"fmt"
	"net/http"
	"regexp"
)

// Header is the name of the request ID header.
const Header = "X-Request-ID"

type contextKey struct{ name string }

var requestIDKey = &contextKey{"request id"}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// RequestID returns next, with every request carrying an ID.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(Header)
		if !idPattern.MatchString(id) {
			id = uuid()
		}
		w.Header().Set(Header, id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey, id)))
	})
}

// FromContext returns the request ID stored in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	if id, ok := ctx.Value(requestIDKey).(string); ok {
		return id
	}
	return ""
}

func uuid() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
