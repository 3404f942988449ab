package bookmarks

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble; a bubble that deadlocks or
// leaks goroutines becomes an ordinary failure, with this message.
func testRunBubble(t *testing.T, msg string, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s (%v)", msg, r)
		}
	}()
	synctest.Test(t, f)
}

var testDiscard = slog.New(slog.DiscardHandler)

func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	Health(rec, httptest.NewRequest("GET", "/health", nil))
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"status":"ok"}` {
		t.Errorf("GET /health: status %d, body %q; want 200 and {\"status\":\"ok\"}", rec.Code, rec.Body.String())
	}
}

func testOpenStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), filepath.Join(t.TempDir(), "ready.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestReady(t *testing.T) {
	t.Run("database up", func(t *testing.T) {
		rec := httptest.NewRecorder()
		Ready(testOpenStore(t), testDiscard)(rec, httptest.NewRequest("GET", "/ready", nil))
		if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"status":"ready"}` {
			t.Errorf("GET /ready with a working database: status %d, body %q; want 200 and {\"status\":\"ready\"}", rec.Code, rec.Body.String())
		}
	})
	t.Run("database closed", func(t *testing.T) {
		s := testOpenStore(t)
		s.Close()
		var logs bytes.Buffer
		rec := httptest.NewRecorder()
		Ready(s, slog.New(slog.NewJSONHandler(&logs, nil)))(rec, httptest.NewRequest("GET", "/ready", nil))
		if rec.Code != http.StatusServiceUnavailable || strings.TrimSpace(rec.Body.String()) != `{"status":"unavailable"}` {
			t.Errorf("GET /ready with a closed database: status %d, body %q; want 503 and {\"status\":\"unavailable\"} (ping the database: a service without its database is not ready)", rec.Code, rec.Body.String())
		}
		if !strings.Contains(logs.String(), "closed") {
			t.Errorf("GET /ready with a closed database: the error was not logged (log output %q)", logs.String())
		}
	})
}

// testStuckDB never answers a ping until its context ends.
type testStuckDB struct{}

func (testStuckDB) Ping(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestReadyDoesNotWaitForever(t *testing.T) {
	testRunBubble(t, "GET /ready with a database that never answers never returned: ping with a context that ends after ReadyTimeout", func(t *testing.T) {
		start := time.Now()
		rec := httptest.NewRecorder()
		Ready(testStuckDB{}, testDiscard)(rec, httptest.NewRequest("GET", "/ready", nil))
		if took := time.Since(start); rec.Code != http.StatusServiceUnavailable || took > time.Second {
			t.Errorf("GET /ready with a database that never answers: status %d after %v; want 503 after at most 1s (ping with context.WithTimeout)", rec.Code, took)
		}
	})
}

var testSampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$`)
var testLabelPair = regexp.MustCompile(`([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"`)

// testScrape parses a Prometheus text answer into "name{k="v",...}" → value,
// with the labels sorted, and the # TYPE of each metric.
func testScrape(t *testing.T, h http.Handler) (samples map[string]float64, types map[string]string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("GET /metrics: status %d, want 200", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("GET /metrics: Content-Type %q, want text/plain; version=0.0.4", ct)
	}
	samples, types = map[string]float64{}, map[string]string{}
	for _, line := range strings.Split(rec.Body.String(), "\n") {
		line = strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(line, "# TYPE "); ok {
			if name, typ, ok := strings.Cut(rest, " "); ok {
				types[name] = typ
			}
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m := testSampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("GET /metrics: the line %q is not a sample of the text format (name{label=\"value\",...} number)", line)
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			t.Fatalf("GET /metrics: the line %q has no number for a value", line)
		}
		var labels []string
		for _, p := range testLabelPair.FindAllStringSubmatch(m[2], -1) {
			labels = append(labels, fmt.Sprintf("%s=%q", p[1], p[2]))
		}
		slices.Sort(labels)
		key := m[1]
		if len(labels) > 0 {
			key += "{" + strings.Join(labels, ",") + "}"
		}
		samples[key] = v
	}
	return samples, types
}

func testSeries(route string, status int) string {
	return fmt.Sprintf("http_requests_total{route=%q,status=%q}", route, strconv.Itoa(status))
}

// testMux has a few routes, served through m.Middleware and Recover as in
// NewHandler.
func testMux(m *Metrics) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /bookmarks/{id}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("id") != "1" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "one")
	})
	mux.HandleFunc("POST /bookmarks", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	})
	mux.HandleFunc("GET /boom", func(w http.ResponseWriter, r *http.Request) {
		panic("boom")
	})
	mux.Handle("GET /metrics", m)
	return Chain(mux, RequestID, m.Middleware, Recover(testDiscard))
}

func TestMetricsCountsByRouteAndStatus(t *testing.T) {
	m := NewMetrics()
	h := testMux(m)
	for _, c := range []struct{ method, path string }{
		{"GET", "/bookmarks/1"}, {"GET", "/bookmarks/1"}, {"GET", "/bookmarks/2"}, {"GET", "/bookmarks/abc"},
		{"POST", "/bookmarks"}, {"GET", "/nowhere"}, {"GET", "/boom"},
	} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(c.method, c.path, nil))
	}
	samples, types := testScrape(t, h)
	if types["http_requests_total"] != "counter" {
		t.Errorf("GET /metrics: no \"# TYPE http_requests_total counter\" line (the types declared: %v)", types)
	}
	want := map[string]float64{
		testSeries("GET /bookmarks/{id}", 200): 2,
		testSeries("GET /bookmarks/{id}", 404): 2,
		testSeries("POST /bookmarks", 201):     1,
		testSeries("unmatched", 404):           1,
		testSeries("GET /boom", 500):           1,
	}
	testCheckSamples(t, "after GET /bookmarks/1 twice, /bookmarks/2, /bookmarks/abc, POST /bookmarks, GET /nowhere and a GET /boom that panics", samples, want)
	for s := range samples {
		if strings.Contains(s, "/bookmarks/1") || strings.Contains(s, "/bookmarks/abc") {
			t.Errorf("GET /metrics has the series %s: label by the route's pattern (r.Pattern), never the path, or every bookmark makes a series of its own", s)
		}
	}
}

// testCheckSamples compares the samples with want, in one message.
func testCheckSamples(t *testing.T, after string, samples, want map[string]float64) {
	t.Helper()
	var wrong []string
	for _, s := range slices.Sorted(maps.Keys(want)) {
		got, ok := samples[s]
		switch {
		case !ok:
			wrong = append(wrong, fmt.Sprintf("    %s: missing, want %v", s, want[s]))
		case got != want[s]:
			wrong = append(wrong, fmt.Sprintf("    %s = %v, want %v", s, got, want[s]))
		}
	}
	if len(wrong) == 0 {
		return
	}
	var have []string
	for _, s := range slices.Sorted(maps.Keys(samples)) {
		have = append(have, fmt.Sprintf("    %s %v", s, samples[s]))
	}
	t.Errorf("GET /metrics %s:\n%s\nThe samples it has:\n%s", after, strings.Join(wrong, "\n"), strings.Join(have, "\n"))
}

func TestMetricsConcurrent(t *testing.T) {
	m := NewMetrics()
	h := testMux(m)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/bookmarks/1", nil))
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/metrics", nil))
		}
	})
	wg.Wait()
	samples, _ := testScrape(t, h)
	if got := samples[testSeries("GET /bookmarks/{id}", 200)]; got != 400 {
		t.Errorf("after 400 requests served concurrently, %s = %v, want 400", testSeries("GET /bookmarks/{id}", 200), got)
	}
}

// testOkRepo answers every call, and its database is up.
type testOkRepo struct{}

func (testOkRepo) Create(context.Context, Input) (Bookmark, error) { return Bookmark{ID: 1}, nil }
func (testOkRepo) Get(context.Context, int64) (Bookmark, error) {
	return Bookmark{}, fmt.Errorf("get: %w", ErrNotFound)
}
func (testOkRepo) List(context.Context, string) ([]Bookmark, error) { return []Bookmark{}, nil }
func (testOkRepo) Update(context.Context, int64, Patch) (Bookmark, error) {
	return Bookmark{}, ErrNotFound
}
func (testOkRepo) Delete(context.Context, int64) error { return ErrNotFound }
func (testOkRepo) Ping(context.Context) error          { return nil }

func TestNewHandlerMetrics(t *testing.T) {
	h := NewHandler(Config{RateLimit: 1, RateBurst: 100}, testOkRepo{}, NewMetrics(), testDiscard)
	for _, p := range []string{"/health", "/ready", "/bookmarks/5", "/bookmarks/6"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", p, nil))
	}
	samples, _ := testScrape(t, h)
	testCheckSamples(t, "of NewHandler after GET /health, /ready, /bookmarks/5 and /bookmarks/6", samples, map[string]float64{
		testSeries("GET /health", 200):         1,
		testSeries("GET /ready", 200):          1,
		testSeries("GET /bookmarks/{id}", 404): 2,
	})
}

func TestNewServerTimeouts(t *testing.T) {
	srv := NewServer("127.0.0.1:0", http.NotFoundHandler(), testDiscard)
	for _, c := range []struct {
		name string
		got  time.Duration
		min  time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout, time.Nanosecond},
		{"ReadTimeout", srv.ReadTimeout, time.Nanosecond},
		{"WriteTimeout", srv.WriteTimeout, 15 * time.Second},
		{"IdleTimeout", srv.IdleTimeout, time.Nanosecond},
	} {
		if c.got < c.min {
			t.Errorf("NewServer: %s = %v, want at least %v (zero means no limit: a client that sends nothing holds a connection and a goroutine forever)", c.name, c.got, c.min)
		}
	}
	if srv.Handler == nil {
		t.Errorf("NewServer: the server has no Handler")
	}
}

// testResult of one request made by a test.
type testResult struct {
	status int
	body   string
	err    error
}

func TestServeShutsDownGracefully(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	started, release := make(chan struct{}), make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		fmt.Fprint(w, "finished")
	})}
	shutdownBegan := make(chan struct{})
	srv.RegisterOnShutdown(func() { close(shutdownBegan) })

	var logs bytes.Buffer
	var logsMu sync.Mutex
	logger := slog.New(slog.NewJSONHandler(testLockedWriter{&logs, &logsMu}, nil))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, srv, ln, 5*time.Second, logger) }()

	answer := make(chan testResult, 1)
	go func() {
		res, err := http.Get("http://" + addr + "/slow")
		if err != nil {
			answer <- testResult{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		answer <- testResult{res.StatusCode, string(b), err}
	}()
	select {
	case <-started:
	case <-time.After(3 * time.Second):
		close(release)
		t.Fatalf("Serve(ctx, srv, ln, ...): a request to the listener was not served within 3s")
	}

	cancel() // what the signal does
	select {
	case <-shutdownBegan:
	case err := <-served:
		close(release)
		t.Fatalf("after ctx was cancelled, Serve returned %v without calling srv.Shutdown", err)
	case <-time.After(3 * time.Second):
		close(release)
		t.Fatalf("ctx was cancelled 3s ago and Serve has not called srv.Shutdown yet: wait for <-ctx.Done() and then shut down")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Errorf("after Shutdown began, a new connection to %s was still accepted", addr)
	}
	select {
	case err := <-served:
		close(release)
		why := "it must wait until srv.Shutdown returns, which is when the requests in flight are done"
		switch {
		case errors.Is(err, http.ErrServerClosed):
			why = "srv.Serve returns http.ErrServerClosed as soon as Shutdown begins, so Serve must not return when srv.Serve does, but when srv.Shutdown does"
		case errors.Is(err, context.Canceled):
			why = "Shutdown needs a context that is not done yet: with the ctx that was just cancelled it gives up at once"
		}
		t.Fatalf("Serve returned (%v) while a request was still running: %s", err, why)
	case <-time.After(100 * time.Millisecond):
	}

	close(release)
	select {
	case r := <-answer:
		if r.err != nil || r.status != 200 || r.body != "finished" {
			t.Errorf("the request in flight during the shutdown got status %d, body %q, error %v; want 200 and \"finished\"", r.status, r.body, r.err)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("the request in flight got no answer within 3s after its handler finished")
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v after a clean shutdown, want nil (http.ErrServerClosed only means that Shutdown was called)", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("Serve did not return within 3s after the last request finished")
	}
	logsMu.Lock()
	defer logsMu.Unlock()
	for _, msg := range []string{"shutting down", "shutdown complete"} {
		if !strings.Contains(logs.String(), fmt.Sprintf(`"msg":%q`, msg)) {
			t.Errorf("Serve did not log %q; its log was:\n%s", msg, logs.String())
		}
	}
}

type testLockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l testLockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestServeReturnsServeErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close() // Serve on it fails at once
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), &http.Server{}, ln, time.Second, testDiscard) }()
	select {
	case err := <-done:
		if err == nil || errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve on a closed listener returned %v, want the error of srv.Serve", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatalf("Serve on a closed listener has not returned after 3s: when srv.Serve fails, return its error instead of waiting for ctx")
	}
}
