// Uses a pointer to an unexported struct as the key (as net/http does), and a type switch to read it.
package requestid

import "context"

type contextKey struct{ name string }

var requestIDKey = &contextKey{"request-id"}

// WithRequestID returns a copy of ctx that carries id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// RequestID returns the request ID that ctx carries, and whether it carries
// one. It never panics.
func RequestID(ctx context.Context) (string, bool) {
	switch id := ctx.Value(requestIDKey).(type) {
	case string:
		return id, true
	default:
		return "", false
	}
}
