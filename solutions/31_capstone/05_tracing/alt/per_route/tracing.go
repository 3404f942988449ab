// Differs: no middleware around the mux. Each route gets its own server
// span, named from r.Pattern at the start (the mux has matched already),
// and the API's handlers start the database spans around their calls.
package bookmarks

import (
	"context"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"
)

// TracerName names the tracer the service takes from its TracerProvider.
const TracerName = "bookmarks"

// RouteSpan traces a route's requests in server spans named after the
// route's pattern, joined to the caller's trace.
func RouteSpan(tracer trace.Tracer) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := propagation.TraceContext{}.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
			_, route, _ := strings.Cut(r.Pattern, " ")
			ctx, span := tracer.Start(ctx, r.Pattern,
				trace.WithSpanKind(trace.SpanKindServer),
				trace.WithAttributes(
					attribute.String("http.request.method", r.Method),
					attribute.String("http.route", route),
				))
			defer span.End()
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r.WithContext(ctx))
			span.SetAttributes(attribute.Int("http.response.status_code", rec.status))
			if rec.status >= 500 {
				span.SetStatus(codes.Error, http.StatusText(rec.status))
			}
		})
	}
}

// dbSpan starts a client span for one database call, and returns the
// context to make the call with and the function that ends the span with
// the call's error.
func (a *API) dbSpan(ctx context.Context, name string) (context.Context, func(error)) {
	ctx, span := a.tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient))
	return ctx, func(err error) {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}
}

// tracedPinger pings inside a db.ping span.
type tracedPinger struct {
	db     Pinger
	tracer trace.Tracer
}

func (p tracedPinger) Ping(ctx context.Context) error {
	ctx, span := p.tracer.Start(ctx, "db.ping", trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	err := p.db.Ping(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	return err
}
