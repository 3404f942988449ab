// A trace shows where a request spent its time; its logs say what
// happened. To jump from one to the other, every log record needs the IDs
// that name the request. Write a slog.Handler that wraps another and adds,
// to every record logged with a context, the attributes:
//
//	trace_id    the trace ID (hex) of the span in the context,
//	span_id     that span's ID (hex): the span active where the log call is,
//	request_id  RequestIDFrom(ctx),
//
// each only when the context has it (a valid span context; a non-empty
// request ID): a trace ID of zeros is worse than none. Loggers derived
// with With and WithGroup must keep adding them.
//
// Done when the hidden tests pass: they log through NewHandler wrapped
// around slog.NewJSONHandler and read the JSON back.
package logcorr

import (
	"context"
	"log/slog"
)

type requestIDKey struct{}

// WithRequestID returns a copy of ctx carrying the request ID id.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestIDFrom returns the request ID in ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// NewHandler returns a handler that passes every record to h, with the
// trace, span and request IDs of its context added.
func NewHandler(h slog.Handler) slog.Handler {
	return h // TODO
}
