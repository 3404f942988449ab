// A request ID travels with the request's context, so every layer can log
// it. Two bugs: RequestID panics on a context without an ID, and the plain
// string key can collide with any other package's "request_id". Use an
// unexported key type, and the two-value type assertion.
package requestid

import "context"

// WithRequestID returns a copy of ctx that carries id.
func WithRequestID(ctx context.Context, id string) context.Context {
	// TODO: a key of an unexported type, so no other package can use it.
	return context.WithValue(ctx, "request_id", id)
}

// RequestID returns the request ID that ctx carries, and whether it carries
// one. It never panics.
func RequestID(ctx context.Context) (string, bool) {
	// TODO: a context without an ID must give "", false.
	return ctx.Value("request_id").(string), true
}
