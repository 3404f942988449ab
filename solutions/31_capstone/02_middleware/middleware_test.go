package bookmarks

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

var testValidID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// testLogLines parses the JSON log lines written to buf.
func testLogLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("log line %q is not JSON: %v", l, err)
		}
		lines = append(lines, m)
	}
	return lines
}

// testFind returns the first log line with this message.
func testFind(lines []map[string]any, msg string) map[string]any {
	for _, l := range lines {
		if l["msg"] == msg {
			return l
		}
	}
	return nil
}

func testJsonLogger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(buf, nil))
}

// testIdHandler records the request ID it sees and writes a body.
func testIdHandler(seen *string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		*seen = RequestIDFrom(r.Context())
		fmt.Fprintln(w, "ok")
	})
}

func TestRequestID(t *testing.T) {
	t.Run("a valid incoming ID is kept", func(t *testing.T) {
		for _, id := range []string{"abc-123", "7f9c.e8_8f", strings.Repeat("x", 64)} {
			var seen string
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("X-Request-ID", id)
			RequestID(testIdHandler(&seen)).ServeHTTP(rec, req)
			if seen != id || rec.Result().Header.Get("X-Request-ID") != id {
				t.Errorf("request with X-Request-ID %q: the handler saw RequestIDFrom = %q and the response header is %q; want %q for both",
					id, seen, rec.Result().Header.Get("X-Request-ID"), id)
			}
		}
	})
	t.Run("a missing ID is generated, different each time", func(t *testing.T) {
		seen := map[string]bool{}
		for range 20 {
			var got string
			rec := httptest.NewRecorder()
			RequestID(testIdHandler(&got)).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
			header := rec.Result().Header.Get("X-Request-ID")
			if !testValidID.MatchString(got) || header != got {
				t.Fatalf("request without X-Request-ID: the handler saw %q and the response header is %q; want the same generated ID (1 to 64 letters, digits, '-', '_', '.') in both", got, header)
			}
			if seen[got] {
				t.Fatalf("request without X-Request-ID: the ID %q was generated twice: use crypto/rand", got)
			}
			seen[got] = true
		}
	})
	t.Run("an invalid incoming ID is replaced", func(t *testing.T) {
		for _, id := range []string{"has spaces", "line\nbreak", `{"level":"ERROR"}`, strings.Repeat("x", 65), "ünïcode"} {
			var seen string
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/", nil)
			req.Header["X-Request-Id"] = []string{id}
			RequestID(testIdHandler(&seen)).ServeHTTP(rec, req)
			if seen == id || !testValidID.MatchString(seen) || rec.Result().Header.Get("X-Request-ID") != seen {
				t.Errorf("request with X-Request-ID %q: the handler saw %q and the response header is %q; want a new valid ID in both (never copy an invalid one into logs)",
					id, seen, rec.Result().Header.Get("X-Request-ID"))
			}
		}
	})
}

func TestLogging(t *testing.T) {
	tests := []struct {
		name   string
		h      http.HandlerFunc
		status float64
		level  string
	}{
		{"201 Created", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusCreated) }, 201, "INFO"},
		{"a body without WriteHeader is 200", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hi") }, 200, "INFO"},
		{"404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, 404, "INFO"},
		{"503 is logged at level ERROR", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }, 503, "ERROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var buf bytes.Buffer
				h := Chain(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					time.Sleep(250 * time.Millisecond)
					tt.h(w, r)
				}), RequestID, Logging(testJsonLogger(&buf)))
				req := httptest.NewRequest("POST", "/bookmarks?q=secret", nil)
				req.Header.Set("X-Request-ID", "log-test-1")
				h.ServeHTTP(httptest.NewRecorder(), req)

				lines := testLogLines(t, &buf)
				if len(lines) != 1 {
					t.Fatalf("one request logged %d lines, want exactly 1:\n%s", len(lines), buf.String())
				}
				l := lines[0]
				want := map[string]any{
					"msg": "request", "level": tt.level, "method": "POST", "path": "/bookmarks",
					"status": tt.status, "request_id": "log-test-1", "duration": float64(250 * time.Millisecond),
				}
				for k, v := range want {
					if l[k] != v {
						t.Errorf("the log line %v has %s = %v, want %v", l, k, l[k], v)
					}
				}
			})
		})
	}
}

func TestRecover(t *testing.T) {
	var buf bytes.Buffer
	h := Chain(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]int
		m["secret-session-key"]++
	}), RequestID, Logging(testJsonLogger(&buf)), Recover(testJsonLogger(&buf)))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/boom", nil)
	req.Header.Set("X-Request-ID", "boom-1")
	func() {
		defer func() {
			if v := recover(); v != nil {
				t.Fatalf("the panic %q went through Recover: it must stop there", v)
			}
		}()
		h.ServeHTTP(rec, req)
	}()

	res := rec.Result()
	var body map[string]string
	if res.StatusCode != 500 || json.Unmarshal(rec.Body.Bytes(), &body) != nil || body["error"] == "" {
		t.Errorf("a panicking handler: status %d, body %q; want 500 with a JSON {\"error\": \"...\"}", res.StatusCode, rec.Body.String())
	}
	for _, leak := range []string{"secret", "nil map", "goroutine"} {
		if strings.Contains(rec.Body.String(), leak) {
			t.Errorf("the 500 body %q contains %q: the panic value and stack go to the log only", rec.Body.String(), leak)
		}
	}
	lines := testLogLines(t, &buf)
	p := testFind(lines, "panic")
	if p == nil || p["level"] != "ERROR" || p["request_id"] != "boom-1" || !strings.Contains(fmt.Sprint(p["panic"]), "nil map") {
		t.Errorf("want a log line with level ERROR, msg \"panic\", the panic value (\"panic\") and request_id \"boom-1\"; the lines were:\n%s", buf.String())
	}
	if r := testFind(lines, "request"); r == nil || r["status"] != float64(500) {
		t.Errorf("want the request logged with status 500 (Logging is outside Recover); the lines were:\n%s", buf.String())
	}
}

func TestRecoverLetsErrAbortHandlerThrough(t *testing.T) {
	h := Recover(slog.New(slog.DiscardHandler))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("a handler that panics with http.ErrAbortHandler: Recover let through %v, want http.ErrAbortHandler panicked again (net/http aborts the response quietly)", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

func TestLimiter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(2, 3) // 3 at once, then one every 500ms
		step := func(what string, wantOK bool, wantWait time.Duration) {
			t.Helper()
			ok, wait := l.Allow("192.0.2.1")
			if ok != wantOK || (!ok && (wait < wantWait-time.Millisecond || wait > wantWait+time.Millisecond)) {
				t.Fatalf("NewLimiter(2, 3): %s: Allow = %v, %v; want %v, %v", what, ok, wait, wantOK, wantWait)
			}
		}
		for i := range 3 {
			step(fmt.Sprintf("request %d of a burst of 3", i+1), true, 0)
		}
		step("request 4 of the burst", false, 500*time.Millisecond)
		time.Sleep(250 * time.Millisecond)
		step("250ms later", false, 250*time.Millisecond)
		time.Sleep(250 * time.Millisecond)
		step("500ms after the burst (one token back)", true, 0)
		step("right after that", false, 500*time.Millisecond)
		time.Sleep(time.Hour)
		for i := range 3 {
			step(fmt.Sprintf("an hour later, request %d (the bucket holds 3 at most)", i+1), true, 0)
		}
		step("an hour later, request 4", false, 500*time.Millisecond)
	})
}

func TestLimiterPerClient(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(1, 2)
		for range 2 {
			l.Allow("198.51.100.7")
		}
		if ok, _ := l.Allow("198.51.100.7"); ok {
			t.Fatalf("NewLimiter(1, 2): a third request at once from 198.51.100.7 was allowed")
		}
		for i := range 2 {
			if ok, _ := l.Allow("203.0.113.9"); !ok {
				t.Fatalf("NewLimiter(1, 2): request %d of 203.0.113.9 was refused because another client used its tokens: each client has a bucket of its own", i+1)
			}
		}
	})
}

func TestRateLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		h := RateLimit(NewLimiter(0.25, 2))(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "ok")
		}))
		send := func(remote string) *http.Response {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", "/bookmarks", nil)
			req.RemoteAddr = remote
			h.ServeHTTP(rec, req)
			return rec.Result()
		}
		// Same client, a new connection (port) each time.
		for i, remote := range []string{"192.0.2.10:40001", "192.0.2.10:40002"} {
			if res := send(remote); res.StatusCode != 200 {
				t.Fatalf("RateLimit(NewLimiter(0.25, 2)): request %d from %s: status %d, want 200", i+1, remote, res.StatusCode)
			}
		}
		res := send("192.0.2.10:40003")
		if res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("RateLimit(NewLimiter(0.25, 2)): a third request from 192.0.2.10 (from another port: a new connection): status %d, want 429. The client is the IP address of r.RemoteAddr, without the port", res.StatusCode)
		}
		if got := res.Header.Get("Retry-After"); got != "4" {
			t.Errorf("the 429 has Retry-After %q, want \"4\" (a token every 4 seconds, in whole seconds)", got)
		}
		var body map[string]string
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil || body["error"] == "" {
			t.Errorf("the 429 body is not a JSON {\"error\": \"...\"}")
		}
		time.Sleep(2500 * time.Millisecond)
		if got := send("192.0.2.10:40004").Header.Get("Retry-After"); got != "2" {
			t.Errorf("2.5s later, a 429 has Retry-After %q, want \"2\" (1.5s rounded up)", got)
		}
		if res := send("[2001:db8::1]:40001"); res.StatusCode != 200 {
			t.Errorf("a request from another client, [2001:db8::1]: status %d, want 200", res.StatusCode)
		}
	})
}

func TestLimiterConcurrent(t *testing.T) {
	l := NewLimiter(0.001, 50)
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := map[string]int{}
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				key := fmt.Sprintf("10.0.0.%d", (g+i)%4)
				if ok, _ := l.Allow(key); ok {
					mu.Lock()
					allowed[key]++
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	for key, n := range allowed {
		if n != 50 {
			t.Errorf("8 goroutines sending 200 requests at once for client %s through NewLimiter(1, 50): %d allowed, want 50 (a lost update, or a data race on the buckets?)", key, n)
		}
	}
}

// testFakeRepo finds nothing.
type testFakeRepo struct{}

func (testFakeRepo) Create(context.Context, Input) (Bookmark, error) { return Bookmark{ID: 1}, nil }
func (testFakeRepo) Get(context.Context, int64) (Bookmark, error) {
	return Bookmark{}, fmt.Errorf("get: %w", ErrNotFound)
}
func (testFakeRepo) List(context.Context, string) ([]Bookmark, error) { return []Bookmark{}, nil }
func (testFakeRepo) Update(context.Context, int64, Patch) (Bookmark, error) {
	return Bookmark{}, ErrNotFound
}
func (testFakeRepo) Delete(context.Context, int64) error { return ErrNotFound }

func TestNewHandlerLimitsTheAPI(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var buf bytes.Buffer
		h := NewHandler(Config{RateLimit: 0.5, RateBurst: 3, Debug: true}, testFakeRepo{}, testJsonLogger(&buf))
		codes := []int{}
		for range 5 {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/bookmarks", nil))
			codes = append(codes, rec.Code)
		}
		if fmt.Sprint(codes) != "[200 200 200 429 429]" {
			t.Errorf("5 requests at once to GET /bookmarks with RATE_LIMIT_BURST=3: statuses %v, want [200 200 200 429 429]", codes)
		}
		if n := strings.Count(buf.String(), `"msg":"request"`); n != 5 {
			t.Errorf("5 requests logged %d \"request\" lines, want 5", n)
		}
	})
}
