// Wrong: embeds the wrapped handler and overrides only Handle, so the
// embedded WithAttrs and WithGroup return the bare inner handler: any
// logger made with With or WithGroup logs without the IDs.
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
	return handler{h}
}

type handler struct {
	slog.Handler
}

func (h handler) Handle(ctx context.Context, r slog.Record) error {
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(
			slog.String("trace_id", sc.TraceID().String()),
			slog.String("span_id", sc.SpanID().String()),
		)
	}
	if id := RequestIDFrom(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}
