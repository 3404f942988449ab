package propagate

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

func testProvider() (*sdktrace.TracerProvider, *tracetest.SpanRecorder) {
	rec := tracetest.NewSpanRecorder()
	return sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)), rec
}

func testByName(t *testing.T, rec *tracetest.SpanRecorder, name string) sdktrace.ReadOnlySpan {
	t.Helper()
	var names []string
	for _, s := range rec.Ended() {
		if s.Name() == name {
			return s
		}
		names = append(names, s.Name())
	}
	t.Fatalf("no ended span named %q; ended spans: %q", name, names)
	return nil
}

func TestSameTraceAcrossHTTP(t *testing.T) {
	tp, rec := testProvider()
	srv := httptest.NewServer(Handler(tp.Tracer("backend")))
	ctx, caller := tp.Tracer("test").Start(context.Background(), "caller")
	body, err := Fetch(ctx, tp.Tracer("frontend"), srv.Client(), srv.URL+"/items")
	caller.End()
	srv.Close() // waits for the handler to return
	if err != nil || body != "ok" {
		t.Fatalf("Fetch(ctx, ..., %q) = %q, %v, want \"ok\", nil", srv.URL+"/items", body, err)
	}
	fetch := testByName(t, rec, "frontend.fetch")
	handle := testByName(t, rec, "backend.handle")
	if got, want := fetch.Parent().SpanID(), caller.SpanContext().SpanID(); got != want {
		t.Errorf("frontend.fetch has parent %s, want the caller's span %s", got, want)
	}
	if got, want := handle.SpanContext().TraceID(), fetch.SpanContext().TraceID(); got != want {
		t.Fatalf("backend.handle is in trace %s, frontend.fetch in trace %s: want one trace (inject traceparent on the client, extract it on the server)", got, want)
	}
	if got, want := handle.Parent().SpanID(), fetch.SpanContext().SpanID(); got != want {
		t.Errorf("backend.handle has parent %s, want frontend.fetch (%s)", got, want)
	}
	if !handle.Parent().IsRemote() {
		t.Errorf("backend.handle's parent is not marked remote: its parent must come from the request's headers")
	}
}

func TestClientInjectsTraceparent(t *testing.T) {
	tp, rec := testProvider()
	var mu sync.Mutex
	var header []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		header = r.Header.Values("Traceparent")
		mu.Unlock()
		fmt.Fprint(w, "ok")
	}))
	ctx, caller := tp.Tracer("test").Start(context.Background(), "caller")
	_, err := Fetch(ctx, tp.Tracer("frontend"), srv.Client(), srv.URL)
	caller.End()
	srv.Close()
	if err != nil {
		t.Fatalf("Fetch(ctx, ..., %q) = _, %v, want nil error", srv.URL, err)
	}
	fetch := testByName(t, rec, "frontend.fetch")
	sc := fetch.SpanContext()
	want := fmt.Sprintf("00-%s-%s-01", sc.TraceID(), sc.SpanID())
	mu.Lock()
	defer mu.Unlock()
	switch {
	case len(header) != 1:
		t.Fatalf("the request Fetch sent has %d traceparent headers %q, want 1: %q", len(header), header, want)
	case header[0] == fmt.Sprintf("00-%s-%s-01", sc.TraceID(), caller.SpanContext().SpanID()):
		t.Errorf("the request Fetch sent has traceparent %q, the caller's span; want frontend.fetch's: %q (inject the ctx returned by starting the span)", header[0], want)
	case header[0] != want:
		t.Errorf("the request Fetch sent has traceparent %q, want %q", header[0], want)
	}
}

func TestServerExtractsTraceparent(t *testing.T) {
	const (
		traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
		spanID  = "00f067aa0ba902b7"
	)
	tp, rec := testProvider()
	req := httptest.NewRequest(http.MethodGet, "/items", nil)
	req.Header.Set("traceparent", "00-"+traceID+"-"+spanID+"-01")
	w := httptest.NewRecorder()
	Handler(tp.Tracer("backend")).ServeHTTP(w, req)
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != "ok" {
		t.Errorf("GET /items answered %d %q, want 200 \"ok\"", w.Code, w.Body.String())
	}
	handle := testByName(t, rec, "backend.handle")
	if got := handle.SpanContext().TraceID().String(); got != traceID {
		t.Errorf("request with traceparent 00-%s-%s-01: backend.handle is in trace %s, want %s (extract the headers with propagation.TraceContext{})", traceID, spanID, got, traceID)
	}
	if got := handle.Parent().SpanID().String(); got != spanID {
		t.Errorf("request with traceparent 00-%s-%s-01: backend.handle has parent %s, want %s", traceID, spanID, got, spanID)
	}
}

func TestSpanKinds(t *testing.T) {
	tp, rec := testProvider()
	srv := httptest.NewServer(Handler(tp.Tracer("backend")))
	Fetch(context.Background(), tp.Tracer("frontend"), srv.Client(), srv.URL)
	srv.Close()
	for name, want := range map[string]trace.SpanKind{"frontend.fetch": trace.SpanKindClient, "backend.handle": trace.SpanKindServer} {
		if got := testByName(t, rec, name).SpanKind(); got != want {
			t.Errorf("span %s has kind %v, want %v", name, got, want)
		}
	}
	if s, e := len(rec.Started()), len(rec.Ended()); s != e {
		t.Errorf("%d spans started, %d ended: end every span", s, e)
	}
}
