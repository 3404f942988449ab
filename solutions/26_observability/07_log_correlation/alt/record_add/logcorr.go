// Alternative: takes the span with trace.SpanFromContext and adds the IDs
// with Record.Add key/value pairs; WithAttrs and WithGroup share one
// helper that rewraps.
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
	return idHandler{Handler: h}
}

type idHandler struct {
	slog.Handler
}

func (h idHandler) Handle(ctx context.Context, r slog.Record) error {
	out := r.Clone()
	if sc := trace.SpanFromContext(ctx).SpanContext(); sc.IsValid() {
		out.Add("trace_id", sc.TraceID().String(), "span_id", sc.SpanID().String())
	}
	if id := RequestIDFrom(ctx); len(id) > 0 {
		out.Add("request_id", id)
	}
	return h.Handler.Handle(ctx, out)
}

func (h idHandler) wrap(inner slog.Handler) slog.Handler { return idHandler{inner} }

func (h idHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return h.wrap(h.Handler.WithAttrs(as))
}

func (h idHandler) WithGroup(name string) slog.Handler {
	return h.wrap(h.Handler.WithGroup(name))
}
