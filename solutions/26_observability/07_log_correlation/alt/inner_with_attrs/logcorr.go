// Alternative: collects the IDs in a slice and hands the record to the
// wrapped handler's WithAttrs(ids), rather than adding them to the record;
// the handler keeps a pointer to its inner handler.
package logcorr

import (
	"context"
	"log/slog"

	"go.opentelemetry.io/otel/trace"
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
	return &correlating{inner: h}
}

type correlating struct {
	inner slog.Handler
}

func (c *correlating) Enabled(ctx context.Context, l slog.Level) bool {
	return c.inner.Enabled(ctx, l)
}

func (c *correlating) Handle(ctx context.Context, r slog.Record) error {
	var ids []slog.Attr
	if sc := trace.SpanContextFromContext(ctx); sc.HasTraceID() && sc.HasSpanID() {
		ids = append(ids,
			slog.Any("trace_id", sc.TraceID()),
			slog.Any("span_id", sc.SpanID()))
	}
	if id := RequestIDFrom(ctx); id != "" {
		ids = append(ids, slog.String("request_id", id))
	}
	if len(ids) == 0 {
		return c.inner.Handle(ctx, r)
	}
	return c.inner.WithAttrs(ids).Handle(ctx, r)
}

func (c *correlating) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &correlating{inner: c.inner.WithAttrs(attrs)}
}

func (c *correlating) WithGroup(name string) slog.Handler {
	return &correlating{inner: c.inner.WithGroup(name)}
}
