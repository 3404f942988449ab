// Tracing: a server span per request, joined to the caller's trace, and
// a child span around every call the API makes to the database.
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

// Tracing traces each request in a span of kind Server. The span joins
// the caller's trace when the request carries a W3C traceparent header.
// Once the request is served, the span is named after the route pattern
// that matched ("GET /bookmarks/{id}", never the path) and has the
// attributes http.request.method, http.route (the pattern's path,
// "/bookmarks/{id}") and http.response.status_code; a 5xx status marks it
// as failed. The request's context holds the span, so the spans started
// from it further in are its children.
//
// The ServeMux sets r.Pattern on the request it is given: Tracing reads
// the pattern from the request it passes on, and sits inside RequestID.
func Tracing(tp trace.TracerProvider) Middleware {
	tracer := tp.Tracer(TracerName)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := propagation.TraceContext{}.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
			ctx, span := tracer.Start(ctx, r.Method,
				trace.WithSpanKind(trace.SpanKindServer),
				trace.WithAttributes(attribute.String("http.request.method", r.Method)))
			defer span.End()

			r = r.WithContext(ctx)
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r)

			if r.Pattern != "" {
				span.SetName(r.Pattern)
				_, route, _ := strings.Cut(r.Pattern, " ")
				span.SetAttributes(attribute.String("http.route", route))
			}
			span.SetAttributes(attribute.Int("http.response.status_code", rec.status))
			if rec.status >= 500 {
				span.SetStatus(codes.Error, http.StatusText(rec.status))
			}
		})
	}
}

// TracedRepository returns repo with each call in a span of kind Client,
// a child of the span in the call's context, named db.create, db.get,
// db.list, db.update, db.delete or db.ping. An error the call returns is
// recorded on its span, which is marked as failed.
func TracedRepository(repo Repository, tp trace.TracerProvider) Repository {
	return &tracedRepository{repo: repo, tracer: tp.Tracer(TracerName)}
}

type tracedRepository struct {
	repo   Repository
	tracer trace.Tracer
}

// start starts the span of one database call, from ctx.
func (t *tracedRepository) start(ctx context.Context, name string, attrs ...attribute.KeyValue) (context.Context, trace.Span) {
	attrs = append(attrs, attribute.String("db.system.name", "sqlite"))
	return t.tracer.Start(ctx, name,
		trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attrs...))
}

// end records err, if any, on span, ends it and returns err.
func end(span trace.Span, err error) error {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
	return err
}

func (t *tracedRepository) Create(ctx context.Context, in Input) (Bookmark, error) {
	ctx, span := t.start(ctx, "db.create")
	b, err := t.repo.Create(ctx, in)
	return b, end(span, err)
}

func (t *tracedRepository) Get(ctx context.Context, id int64) (Bookmark, error) {
	ctx, span := t.start(ctx, "db.get", attribute.Int64("bookmark.id", id))
	b, err := t.repo.Get(ctx, id)
	return b, end(span, err)
}

func (t *tracedRepository) List(ctx context.Context, query string) ([]Bookmark, error) {
	ctx, span := t.start(ctx, "db.list")
	list, err := t.repo.List(ctx, query)
	return list, end(span, err)
}

func (t *tracedRepository) Update(ctx context.Context, id int64, p Patch) (Bookmark, error) {
	ctx, span := t.start(ctx, "db.update", attribute.Int64("bookmark.id", id))
	b, err := t.repo.Update(ctx, id, p)
	return b, end(span, err)
}

func (t *tracedRepository) Delete(ctx context.Context, id int64) error {
	ctx, span := t.start(ctx, "db.delete", attribute.Int64("bookmark.id", id))
	return end(span, t.repo.Delete(ctx, id))
}

func (t *tracedRepository) Ping(ctx context.Context) error {
	ctx, span := t.start(ctx, "db.ping")
	return end(span, t.repo.Ping(ctx))
}
