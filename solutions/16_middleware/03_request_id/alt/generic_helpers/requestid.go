// Helpers with everyday names (validID, newID, key, id, with, valid, show):
// a key of type int, 16 random bytes in hex, a byte-by-byte check.
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
	"encoding/hex"
	"net/http"
)

// Header is the name of the request ID header.
const Header = "X-Request-ID"

type key int

const id key = 0

// RequestID returns next, with every request carrying an ID.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := r.Header.Get(Header)
		if !validID(v) {
			v = newID()
		}
		w.Header().Set(Header, v)
		next.ServeHTTP(w, r.WithContext(with(r.Context(), v)))
	})
}

// FromContext returns the request ID stored in ctx, or "" if there is none.
func FromContext(ctx context.Context) string {
	return show(ctx)
}

func with(ctx context.Context, v string) context.Context {
	return context.WithValue(ctx, id, v)
}

func show(ctx context.Context) string {
	v, _ := ctx.Value(id).(string)
	return v
}

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func validID(s string) bool {
	if len(s) < 1 || len(s) > 64 {
		return false
	}
	for i := range len(s) {
		if !valid(s[i]) {
			return false
		}
	}
	return true
}

func valid(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return c == '-' || c == '_' || c == '.'
}
