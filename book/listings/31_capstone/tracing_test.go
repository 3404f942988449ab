package capstone

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// codeRecorder remembers the status a handler sends.
type codeRecorder struct {
	http.ResponseWriter
	code int
}

func (c *codeRecorder) WriteHeader(code int) {
	c.code = code
	c.ResponseWriter.WriteHeader(code)
}

// ANCHOR: server-span
// serverSpans traces each request in a server span named after the
// route pattern the mux matches.
func serverSpans(tracer trace.Tracer, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Join the caller's trace, if it sent a traceparent header.
		ctx := propagation.TraceContext{}.Extract(r.Context(),
			propagation.HeaderCarrier(r.Header))
		// The route is not known yet: start with the method alone.
		ctx, span := tracer.Start(ctx, r.Method,
			trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()

		r = r.WithContext(ctx) // the mux sets Pattern on this request
		rec := &codeRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r)

		if r.Pattern != "" { // "" when no route matched
			span.SetName(r.Pattern) // "GET /items/{id}", not "GET /items/7"
			_, route, _ := strings.Cut(r.Pattern, " ")
			span.SetAttributes(attribute.String("http.route", route))
		}
		span.SetAttributes(
			attribute.String("http.request.method", r.Method),
			attribute.Int("http.response.status_code", rec.code))
		if rec.code >= 500 { // a 4xx is the client's mistake
			span.SetStatus(codes.Error, http.StatusText(rec.code))
		}
	})
}

// ANCHOR_END: server-span

// itemStore is what the handlers need from storage.
type itemStore interface {
	Get(ctx context.Context, id string) (string, error)
}

type brokenStore struct{}

func (brokenStore) Get(ctx context.Context, id string) (string, error) {
	return "", errors.New("sql: database is closed")
}

// ANCHOR: db-span
// tracedStore puts every call to its store in a child span of the
// span in the call's context.
type tracedStore struct {
	store  itemStore
	tracer trace.Tracer
}

func (t tracedStore) Get(ctx context.Context, id string) (string, error) {
	ctx, span := t.tracer.Start(ctx, "db.get", // from ctx: a child
		trace.WithSpanKind(trace.SpanKindClient))
	defer span.End() // on every path, the error paths first of all

	item, err := t.store.Get(ctx, id)
	if err != nil {
		span.RecordError(err) // an "exception" event with the message
		span.SetStatus(codes.Error, err.Error())
	}
	return item, err
}

// ANCHOR_END: db-span

func Example_tracing() {
	// ANCHOR: test
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	store := tracedStore{store: brokenStore{}, tracer: tp.Tracer("items")}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		if _, err := store.Get(r.Context(), r.PathValue("id")); err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
		}
	})
	h := serverSpans(tp.Tracer("items"), mux)

	req := httptest.NewRequest("GET", "/items/7", nil)
	req.Header.Set("traceparent",
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
	h.ServeHTTP(httptest.NewRecorder(), req)

	for _, s := range rec.Ended() {
		parent := s.Parent().SpanID().String() // the caller's, if remote
		for _, p := range rec.Ended() {
			if p.SpanContext().SpanID() == s.Parent().SpanID() {
				parent = p.Name()
			}
		}
		fmt.Printf("%-15s trace %s… parent %-16s %s\n", s.Name(),
			s.SpanContext().TraceID().String()[:8], parent, s.Status().Code)
	}
	// ANCHOR_END: test

	// Output:
	// db.get          trace 4bf92f35… parent GET /items/{id}  Error
	// GET /items/{id} trace 4bf92f35… parent 00f067aa0ba902b7 Error
}
