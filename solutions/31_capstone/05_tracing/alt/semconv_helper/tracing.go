// Differs: attributes from the semconv package, spans ended by defer in
// a generic helper that every repository method goes through, the
// propagator held in a variable, and the route cut from r.Pattern by index.
package bookmarks

import (
	"context"
	"net/http"
	"strings"

	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	semconv "go.opentelemetry.io/otel/semconv/v1.39.0"
	"go.opentelemetry.io/otel/trace"
)

// TracerName names the tracer the service takes from its TracerProvider.
const TracerName = "bookmarks"

// propagator reads the W3C traceparent and tracestate headers.
var propagator propagation.TextMapPropagator = propagation.TraceContext{}

// Tracing traces each request in a span of kind Server, joined to the
// caller's trace, named after the route pattern once the mux has chosen
// one.
func Tracing(tp trace.TracerProvider) Middleware {
	tracer := tp.Tracer(TracerName)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			parent := propagator.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
			ctx, span := tracer.Start(parent, "HTTP "+r.Method, trace.WithSpanKind(trace.SpanKindServer))
			defer span.End()

			inner := r.WithContext(ctx)
			sw := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(sw, inner)

			span.SetAttributes(
				semconv.HTTPRequestMethodKey.String(r.Method),
				semconv.HTTPResponseStatusCode(sw.status),
			)
			if p := inner.Pattern; p != "" {
				span.SetName(p)
				span.SetAttributes(semconv.HTTPRoute(p[strings.IndexByte(p, ' ')+1:]))
			}
			if sw.status >= http.StatusInternalServerError {
				span.SetStatus(codes.Error, "")
			}
		})
	}
}

// TracedRepository returns repo with each call in a client span.
func TracedRepository(repo Repository, tp trace.TracerProvider) Repository {
	return spanRepo{next: repo, tracer: tp.Tracer(TracerName)}
}

type spanRepo struct {
	next   Repository
	tracer trace.Tracer
}

// inSpan runs call inside a client span named name, started from ctx,
// and records the error it returns.
func inSpan[T any](ctx context.Context, tracer trace.Tracer, name string, call func(context.Context) (T, error)) (res T, err error) {
	ctx, span := tracer.Start(ctx, name, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(semconv.DBSystemNameSQLite))
	defer func() {
		if err != nil {
			span.RecordError(err)
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}()
	return call(ctx)
}

func (s spanRepo) Create(ctx context.Context, in Input) (Bookmark, error) {
	return inSpan(ctx, s.tracer, "db.create", func(ctx context.Context) (Bookmark, error) {
		return s.next.Create(ctx, in)
	})
}

func (s spanRepo) Get(ctx context.Context, id int64) (Bookmark, error) {
	return inSpan(ctx, s.tracer, "db.get", func(ctx context.Context) (Bookmark, error) {
		return s.next.Get(ctx, id)
	})
}

func (s spanRepo) List(ctx context.Context, query string) ([]Bookmark, error) {
	return inSpan(ctx, s.tracer, "db.list", func(ctx context.Context) ([]Bookmark, error) {
		return s.next.List(ctx, query)
	})
}

func (s spanRepo) Update(ctx context.Context, id int64, p Patch) (Bookmark, error) {
	return inSpan(ctx, s.tracer, "db.update", func(ctx context.Context) (Bookmark, error) {
		return s.next.Update(ctx, id, p)
	})
}

func (s spanRepo) Delete(ctx context.Context, id int64) error {
	_, err := inSpan(ctx, s.tracer, "db.delete", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.next.Delete(ctx, id)
	})
	return err
}

func (s spanRepo) Ping(ctx context.Context) error {
	_, err := inSpan(ctx, s.tracer, "db.ping", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, s.next.Ping(ctx)
	})
	return err
}
