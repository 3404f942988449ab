// Uses an unexported named string type as the key, and a comma-ok assertion in a switch-free form.
package requestid

import "context"

type ctxKey string

const requestIDKey ctxKey = "request_id"

// WithRequestID returns a copy of ctx that carries id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// RequestID returns the request ID that ctx carries, and whether it carries
// one. It never panics.
func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey).(string)
	return id, ok
}
