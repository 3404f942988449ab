// Wrong: the single-value type assertion panics when the context carries no ID
// (ctx.Value returns nil).
// A request ID travels with the request's context, so every layer can log
// it. Two bugs: RequestID panics on a context without an ID, and the plain
// string key can collide with any other package's "request_id". Use an
// unexported key type, and the two-value type assertion.
package requestid

import "context"

// requestIDKey is the context key of the request ID. Its type is
// unexported, so no other package can make a key equal to it: nobody else
// can read, overwrite or collide with the value.
type requestIDKey struct{}

// WithRequestID returns a copy of ctx that carries id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request ID that ctx carries, and whether it carries
// one. It never panics.
func RequestID(ctx context.Context) (string, bool) {
	return ctx.Value(requestIDKey{}).(string), true
}
