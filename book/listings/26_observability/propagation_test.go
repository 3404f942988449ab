package observability

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// ANCHOR: inject
// callStock asks the stock service, in a client span whose context travels
// in the request's traceparent header.
func callStock(ctx context.Context, tracer trace.Tracer, url string) (
	*http.Response, error,
) {
	ctx, span := tracer.Start(ctx, "stock.call",
		trace.WithSpanKind(trace.SpanKindClient))
	defer span.End()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	propagation.TraceContext{}.Inject(ctx, propagation.HeaderCarrier(req.Header))
	return http.DefaultClient.Do(req)
}

// ANCHOR_END: inject

// ANCHOR: extract
// stockHandler continues the caller's trace.
func stockHandler(tracer trace.Tracer) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := propagation.TraceContext{}.Extract(r.Context(),
			propagation.HeaderCarrier(r.Header))
		ctx, span := tracer.Start(ctx, "stock.serve",
			trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		serveStock(ctx, w) // the work, with ctx: its spans are children
	})
}

// ANCHOR_END: extract

func serveStock(ctx context.Context, w http.ResponseWriter) {
	fmt.Fprintln(w, "in stock:", trace.SpanContextFromContext(ctx).IsValid())
}

func Example_propagation() {
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	srv := httptest.NewServer(stockHandler(tp.Tracer("stock")))
	resp, err := callStock(context.Background(), tp.Tracer("shop"), srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	srv.Close()

	spans := map[string]sdktrace.ReadOnlySpan{}
	for _, s := range rec.Ended() {
		spans[s.Name()] = s
	}
	call, serve := spans["stock.call"], spans["stock.serve"]
	fmt.Println("same trace:", call.SpanContext().TraceID() == serve.SpanContext().TraceID())
	fmt.Println("serve is a child of call:", serve.Parent().SpanID() == call.SpanContext().SpanID())
	fmt.Println("parent came over the wire:", serve.Parent().IsRemote())
	// Output:
	// same trace: true
	// serve is a child of call: true
	// parent came over the wire: true
}
