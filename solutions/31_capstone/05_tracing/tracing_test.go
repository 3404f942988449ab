package bookmarks

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
)

// testService is the service's handler over repo, with its spans recorded
// in memory.
type testService struct {
	h   http.Handler
	rec *tracetest.SpanRecorder
}

func testNewService(t *testing.T, repo Repository) *testService {
	t.Helper()
	rec := tracetest.NewSpanRecorder()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec))
	t.Cleanup(func() { tp.Shutdown(context.Background()) })
	cfg := Config{RateLimit: 1000, RateBurst: 1000}
	h := NewHandler(cfg, repo, NewMetrics(), slog.New(slog.DiscardHandler), tp)
	if h == nil {
		t.Fatal("NewHandler returned a nil handler")
	}
	return &testService{h: h, rec: rec}
}

func testOpenStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "tracing.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// do serves one request; header holds extra request headers.
func (s *testService) do(method, path, body string, header ...string) *httptest.ResponseRecorder {
	var req *http.Request
	if body == "" {
		req = httptest.NewRequest(method, path, nil)
	} else {
		req = httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	s.h.ServeHTTP(w, req)
	return w
}

// reset forgets the spans recorded so far: the ones of the requests that
// set up the state a test needs.
func (s *testService) reset() { s.rec.Reset() }

func testDescribe(spans []sdktrace.ReadOnlySpan) string {
	var parts []string
	for _, sp := range spans {
		parts = append(parts, fmt.Sprintf("%q (%s)", sp.Name(), sp.SpanKind()))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// notEnded names the spans that were started and never ended.
func (s *testService) notEnded() []string {
	ended := map[trace.SpanID]bool{}
	for _, sp := range s.rec.Ended() {
		ended[sp.SpanContext().SpanID()] = true
	}
	var names []string
	for _, sp := range s.rec.Started() {
		if !ended[sp.SpanContext().SpanID()] {
			names = append(names, sp.Name())
		}
	}
	return names
}

// serverSpan returns the one ended span of kind Server, or stops the test.
func (s *testService) serverSpan(t *testing.T, req string) sdktrace.ReadOnlySpan {
	t.Helper()
	var found []sdktrace.ReadOnlySpan
	for _, sp := range s.rec.Ended() {
		if sp.SpanKind() == trace.SpanKindServer {
			found = append(found, sp)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s: %d ended spans of kind Server, want 1; ended spans: %s", req, len(found), testDescribe(s.rec.Ended()))
	}
	return found[0]
}

// span returns the ended span named name, or stops the test.
func (s *testService) span(t *testing.T, req, name string) sdktrace.ReadOnlySpan {
	t.Helper()
	for _, sp := range s.rec.Ended() {
		if sp.Name() == name {
			return sp
		}
	}
	if notEnded := s.notEnded(); len(notEnded) > 0 {
		t.Fatalf("%s: no ended span named %q; spans started and never ended: %q (end every span on every path: defer span.End())", req, name, notEnded)
	}
	t.Fatalf("%s: no ended span named %q; ended spans: %s", req, name, testDescribe(s.rec.Ended()))
	return nil
}

func testAttr(sp sdktrace.ReadOnlySpan, key string) (attribute.Value, bool) {
	for _, kv := range sp.Attributes() {
		if string(kv.Key) == key {
			return kv.Value, true
		}
	}
	return attribute.Value{}, false
}

func testCreate(t *testing.T, s *testService, title string) string {
	t.Helper()
	w := s.do("POST", "/bookmarks", `{"url":"https://opentelemetry.io/docs/","title":"`+title+`"}`)
	if w.Code != http.StatusCreated {
		t.Fatalf("POST /bookmarks: status %d, body %q; want 201", w.Code, w.Body.String())
	}
	return w.Header().Get("Location")
}

func TestServerSpanPerRequest(t *testing.T) {
	cases := []struct {
		name, method, path, body string
		status                   int
		span, route              string
	}{
		{"create", "POST", "/bookmarks", `{"url":"https://go.dev","title":"Go"}`, 201, "POST /bookmarks", "/bookmarks"},
		{"list", "GET", "/bookmarks?q=otel", "", 200, "GET /bookmarks", "/bookmarks"},
		{"get", "GET", "{location}", "", 200, "GET /bookmarks/{id}", "/bookmarks/{id}"},
		{"get unknown id", "GET", "/bookmarks/999", "", 404, "GET /bookmarks/{id}", "/bookmarks/{id}"},
		{"update", "PATCH", "{location}", `{"notes":"traced"}`, 200, "PATCH /bookmarks/{id}", "/bookmarks/{id}"},
		{"delete", "DELETE", "{location}", "", 204, "DELETE /bookmarks/{id}", "/bookmarks/{id}"},
		{"invalid", "POST", "/bookmarks", `{"url":"ftp://x","title":""}`, 422, "POST /bookmarks", "/bookmarks"},
		{"health", "GET", "/health", "", 200, "GET /health", "/health"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := testNewService(t, testOpenStore(t))
			path := strings.Replace(tc.path, "{location}", testCreate(t, s, "OpenTelemetry"), 1)
			s.reset()
			req := tc.method + " " + path
			if w := s.do(tc.method, path, tc.body); w.Code != tc.status {
				t.Fatalf("%s: status %d, body %q; want %d", req, w.Code, w.Body.String(), tc.status)
			}
			if notEnded := s.notEnded(); len(notEnded) > 0 {
				t.Errorf("%s: spans started and never ended: %q (end every span on every path: defer span.End())", req, notEnded)
			}
			sp := s.serverSpan(t, req)
			switch name := sp.Name(); {
			case name == tc.method+" "+strings.SplitN(path, "?", 2)[0] && name != tc.span:
				t.Errorf("%s: server span named %q, want %q (name it by the route pattern, r.Pattern: a name per path is a name per bookmark)", req, name, tc.span)
			case name != tc.span:
				t.Errorf("%s: server span named %q, want %q", req, name, tc.span)
			}
			want := map[string]attribute.Value{
				"http.request.method":       attribute.StringValue(tc.method),
				"http.route":                attribute.StringValue(tc.route),
				"http.response.status_code": attribute.IntValue(tc.status),
			}
			for _, key := range []string{"http.request.method", "http.route", "http.response.status_code"} {
				got, ok := testAttr(sp, key)
				switch {
				case !ok:
					t.Errorf("%s: server span has no attribute %s, want %s", req, key, want[key].Emit())
				case got != want[key]:
					t.Errorf("%s: server span has %s = %s (%s), want %s (%s)", req, key, got.Emit(), got.Type(), want[key].Emit(), want[key].Type())
				}
			}
			if sp.Status().Code == codes.Error {
				t.Errorf("%s: server span has status Error, want it unset: the service answered %d, not a 5xx", req, tc.status)
			}
		})
	}
}

func TestDatabaseSpansAreChildren(t *testing.T) {
	cases := []struct {
		name, method, path, body, span string
	}{
		{"create", "POST", "/bookmarks", `{"url":"https://go.dev","title":"Go"}`, "db.create"},
		{"list", "GET", "/bookmarks", "", "db.list"},
		{"get", "GET", "{location}", "", "db.get"},
		{"update", "PATCH", "{location}", `{"title":"Traced"}`, "db.update"},
		{"delete", "DELETE", "{location}", "", "db.delete"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := testNewService(t, testOpenStore(t))
			path := strings.Replace(tc.path, "{location}", testCreate(t, s, "Spans"), 1)
			s.reset()
			req := tc.method + " " + path
			if w := s.do(tc.method, path, tc.body); w.Code >= 300 {
				t.Fatalf("%s: status %d, body %q; want 2xx", req, w.Code, w.Body.String())
			}
			server := s.serverSpan(t, req)
			db := s.span(t, req, tc.span)
			if got, want := db.SpanContext().TraceID(), server.SpanContext().TraceID(); got != want {
				t.Fatalf("%s: %s is in trace %s, the server span in trace %s; want one trace (the ctx of the database call must hold the server span: start the child from that ctx, never from context.Background(), and hand the request on with r.WithContext)", req, tc.span, got, want)
			}
			if got, want := db.Parent().SpanID(), server.SpanContext().SpanID(); got != want {
				t.Errorf("%s: %s has parent %s, want the server span %s", req, tc.span, got, want)
			}
			if db.SpanKind() != trace.SpanKindClient {
				t.Errorf("%s: %s has kind %s, want %s", req, tc.span, db.SpanKind(), trace.SpanKindClient)
			}
		})
	}
}

// testBrokenRepo fails every call, as a database that went away would.
type testBrokenRepo struct{}

var testErrBroken = errors.New("sql: database is closed")

func (testBrokenRepo) Create(context.Context, Input) (Bookmark, error) {
	return Bookmark{}, testErrBroken
}
func (testBrokenRepo) Get(context.Context, int64) (Bookmark, error) {
	return Bookmark{}, testErrBroken
}
func (testBrokenRepo) List(context.Context, string) ([]Bookmark, error) {
	return nil, testErrBroken
}
func (testBrokenRepo) Update(context.Context, int64, Patch) (Bookmark, error) {
	return Bookmark{}, testErrBroken
}
func (testBrokenRepo) Delete(context.Context, int64) error { return testErrBroken }
func (testBrokenRepo) Ping(context.Context) error          { return testErrBroken }

func TestErrorsRecordedOnSpans(t *testing.T) {
	cases := []struct {
		name, method, path, body, span string
	}{
		{"create", "POST", "/bookmarks", `{"url":"https://go.dev","title":"Go"}`, "db.create"},
		{"list", "GET", "/bookmarks", "", "db.list"},
		{"get", "GET", "/bookmarks/1", "", "db.get"},
		{"update", "PATCH", "/bookmarks/1", `{"title":"Traced"}`, "db.update"},
		{"delete", "DELETE", "/bookmarks/1", "", "db.delete"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := testNewService(t, testBrokenRepo{})
			req := tc.method + " " + tc.path + " with a failing database"
			if w := s.do(tc.method, tc.path, tc.body); w.Code != http.StatusInternalServerError {
				t.Fatalf("%s: status %d, body %q; want 500", req, w.Code, w.Body.String())
			}
			if notEnded := s.notEnded(); len(notEnded) > 0 {
				t.Fatalf("%s: spans started and never ended: %q (a span left open on the error path is never exported: defer span.End())", req, notEnded)
			}
			db := s.span(t, req, tc.span)
			if db.Status().Code != codes.Error {
				t.Errorf("%s: %s has status %s, want Error (span.SetStatus(codes.Error, ...))", req, tc.span, db.Status().Code)
			}
			recorded := false
			for _, ev := range db.Events() {
				if ev.Name == "exception" {
					for _, kv := range ev.Attributes {
						if kv.Key == "exception.message" && strings.Contains(kv.Value.AsString(), testErrBroken.Error()) {
							recorded = true
						}
					}
				}
			}
			if !recorded {
				t.Errorf("%s: %s has no exception event with the message %q (span.RecordError(err))", req, tc.span, testErrBroken)
			}
			server := s.serverSpan(t, req)
			if server.Status().Code != codes.Error {
				t.Errorf("%s: server span has status %s, want Error: the service answered 500", req, server.Status().Code)
			}
			if got, ok := testAttr(server, "http.response.status_code"); !ok || got != attribute.IntValue(500) {
				t.Errorf("%s: server span has http.response.status_code = %s, want 500", req, got.Emit())
			}
		})
	}
}

func TestJoinsCallersTrace(t *testing.T) {
	const (
		traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
		spanID  = "00f067aa0ba902b7"
	)
	s := testNewService(t, testOpenStore(t))
	location := testCreate(t, s, "Trace context")
	s.reset()
	req := "GET " + location + " with traceparent 00-" + traceID + "-" + spanID + "-01"
	if w := s.do("GET", location, "", "traceparent", "00-"+traceID+"-"+spanID+"-01"); w.Code != http.StatusOK {
		t.Fatalf("%s: status %d, body %q; want 200", req, w.Code, w.Body.String())
	}
	server := s.serverSpan(t, req)
	if got := server.SpanContext().TraceID().String(); got != traceID {
		t.Fatalf("%s: server span is in trace %s, want the caller's trace %s (extract the headers with propagation.TraceContext{} before starting the span)", req, got, traceID)
	}
	if got := server.Parent().SpanID().String(); got != spanID {
		t.Errorf("%s: server span has parent %s, want the caller's span %s", req, got, spanID)
	}
	if !server.Parent().IsRemote() {
		t.Errorf("%s: server span's parent is not marked remote: it must come from the request's headers", req)
	}
	db := s.span(t, req, "db.get")
	if got := db.SpanContext().TraceID().String(); got != traceID {
		t.Errorf("%s: db.get is in trace %s, want the caller's trace %s", req, got, traceID)
	}

	s.reset()
	req = "GET " + location + " without traceparent"
	s.do("GET", location, "")
	if server := s.serverSpan(t, req); server.Parent().IsValid() {
		t.Errorf("%s: server span has parent %s in trace %s, want none: a request without traceparent starts a new trace", req, server.Parent().SpanID(), server.Parent().TraceID())
	}
}

func TestMetricsStillCountByRoute(t *testing.T) {
	s := testNewService(t, testOpenStore(t))
	s.do("GET", "/health", "")
	s.do("GET", "/bookmarks/999", "")
	w := s.do("GET", "/metrics", "")
	body := w.Body.String()
	var missing []string
	for _, want := range []string{
		`http_requests_total{route="GET /health",status="200"} 1`,
		`http_requests_total{route="GET /bookmarks/{id}",status="404"} 1`,
	} {
		if !strings.Contains(body, want) {
			missing = append(missing, want)
		}
	}
	switch {
	case len(missing) == 0:
	case strings.Contains(body, `route="unmatched"`):
		t.Errorf("GET /health, GET /bookmarks/999, then GET /metrics: no line %q, and requests counted as unmatched (Metrics.Middleware holds a request the mux never got: it must sit inside Tracing, which hands on a new request); /metrics said:\n%s", missing, body)
	default:
		t.Errorf("GET /health, GET /bookmarks/999, then GET /metrics: no line %q; /metrics said:\n%s", missing, body)
	}
}
