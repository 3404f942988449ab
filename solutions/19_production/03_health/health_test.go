package main

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (a check that waits
// 2s takes no real time, and exactly 2s of fake time), and a bubble where
// every goroutine is stuck is reported instead of hanging.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were stuck or still running when the test ended: %v", r)
		}
	}()
	synctest.Test(t, f)
}

// testFakeCheck is a dependency check that passes, fails, or hangs until its
// context ends; it records how it was called.
type testFakeCheck struct {
	behave string // "ok", "fail" or "hang"

	mu      sync.Mutex
	calls   int
	start   time.Time
	stopped time.Duration // for "hang": when the context ended
	err     error         // for "hang": the context's error
}

func (f *testFakeCheck) check(ctx context.Context) error {
	f.mu.Lock()
	f.calls++
	f.start = time.Now()
	f.mu.Unlock()
	switch f.behave {
	case "fail":
		return errors.New("connection refused")
	case "hang":
		<-ctx.Done()
		f.mu.Lock()
		defer f.mu.Unlock()
		f.stopped = time.Since(f.start)
		f.err = ctx.Err()
		return ctx.Err()
	}
	return nil
}

// ended waits until every check of the bubble has returned (a Ready that
// stops waiting at the deadline may leave its check finishing), then says
// when and how the hanging check's context ended.
func (f *testFakeCheck) ended() (time.Duration, error) {
	synctest.Wait()
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.stopped, f.err
}

func (f *testFakeCheck) called() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.calls
}

type testAnswer struct {
	code int
	body map[string]any
	raw  string
	took time.Duration
}

func testCall(t *testing.T, handler http.HandlerFunc, req *http.Request) testAnswer {
	t.Helper()
	start := time.Now()
	rec := httptest.NewRecorder()
	handler(rec, req)
	a := testAnswer{code: rec.Code, raw: strings.TrimSpace(rec.Body.String()), took: time.Since(start)}
	if err := json.Unmarshal(rec.Body.Bytes(), &a.body); err != nil {
		t.Fatalf("%s %s answered %d with %q, which is not a JSON object", req.Method, req.URL.Path, rec.Code, rec.Body.String())
	}
	return a
}

func testGet(t *testing.T, handler http.HandlerFunc, path string) testAnswer {
	t.Helper()
	return testCall(t, handler, httptest.NewRequest("GET", path, nil))
}

func testChecksOf(a testAnswer) map[string]any {
	c, _ := a.body["checks"].(map[string]any)
	return c
}

func TestLiveNeverRunsChecks(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		db := &testFakeCheck{behave: "fail"}
		slow := &testFakeCheck{behave: "hang"}
		h := NewHealth(map[string]Check{"db": db.check, "search": slow.check}, time.Second)
		a := testGet(t, h.Live, "/health")
		if a.code != http.StatusOK || a.body["status"] != "ok" {
			t.Errorf("GET /health with the database down: %d %s, want 200 {\"status\":\"ok\"}: the process is alive, and restarting it would not bring the database back", a.code, a.raw)
		}
		if n := db.called() + slow.called(); n != 0 {
			t.Errorf("GET /health ran the dependency checks (%d calls): liveness must not depend on other systems", n)
		}
		if a.took != 0 {
			t.Errorf("GET /health took %v: it must answer at once", a.took)
		}
	})
}

func TestReadyWhenEveryCheckPasses(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		db, cache := &testFakeCheck{behave: "ok"}, &testFakeCheck{behave: "ok"}
		h := NewHealth(map[string]Check{"db": db.check, "cache": cache.check}, time.Second)
		a := testGet(t, h.Ready, "/ready")
		want := map[string]any{"db": "ok", "cache": "ok"}
		if a.code != http.StatusOK || a.body["status"] != "ready" || !maps.Equal(testChecksOf(a), want) {
			t.Errorf("GET /ready with every check passing: %d %s, want 200 {\"status\":\"ready\",\"checks\":{\"cache\":\"ok\",\"db\":\"ok\"}}", a.code, a.raw)
		}
		if db.called() != 1 || cache.called() != 1 {
			t.Errorf("GET /ready called the db check %d times and the cache check %d times, want once each", db.called(), cache.called())
		}
	})
}

func TestReadyWithoutChecks(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		h := NewHealth(nil, time.Second)
		a := testGet(t, h.Ready, "/ready")
		if a.code != http.StatusOK || a.body["status"] != "ready" {
			t.Errorf("GET /ready with no checks at all: %d %s, want 200 with status \"ready\"", a.code, a.raw)
		}
	})
}

func TestReadyWhenACheckFails(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		db, cache := &testFakeCheck{behave: "fail"}, &testFakeCheck{behave: "ok"}
		h := NewHealth(map[string]Check{"db": db.check, "cache": cache.check}, time.Second)
		a := testGet(t, h.Ready, "/ready")
		want := map[string]any{"db": "failing", "cache": "ok"}
		if a.code != http.StatusServiceUnavailable || a.body["status"] != "unavailable" || !maps.Equal(testChecksOf(a), want) {
			t.Errorf("GET /ready with the db check failing: %d %s, want 503 {\"status\":\"unavailable\",\"checks\":{\"cache\":\"ok\",\"db\":\"failing\"}}", a.code, a.raw)
		}
	})
}

func TestReadyGivesUpOnASlowCheck(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		slow := &testFakeCheck{behave: "hang"}
		h := NewHealth(map[string]Check{"db": slow.check}, 2*time.Second)
		a := testGet(t, h.Ready, "/ready")
		if a.code != http.StatusServiceUnavailable || testChecksOf(a)["db"] != "failing" {
			t.Errorf("GET /ready with a check that never answers: %d %s, want 503 with the db check \"failing\"", a.code, a.raw)
		}
		if a.took != 2*time.Second {
			t.Errorf("GET /ready with a check that never answers, timeout 2s: answered after %v, want exactly 2s", a.took)
		}
		if _, err := slow.ended(); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("the hanging check's context ended with %v, want context.DeadlineExceeded: give the checks a context with the timeout (context.WithTimeout)", err)
		}
	})
}

func TestReadyOneDeadlineForAllChecks(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		db, cache := &testFakeCheck{behave: "hang"}, &testFakeCheck{behave: "hang"}
		h := NewHealth(map[string]Check{"db": db.check, "cache": cache.check}, 2*time.Second)
		a := testGet(t, h.Ready, "/ready")
		if a.code != http.StatusServiceUnavailable {
			t.Errorf("GET /ready with two checks that never answer: %d %s, want 503", a.code, a.raw)
		}
		if a.took != 2*time.Second {
			t.Errorf("GET /ready with two checks that never answer, timeout 2s: answered after %v, want exactly 2s (the timeout bounds all the checks together)", a.took)
		}
	})
}

func TestReadyStopsWhenTheClientLeaves(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		slow := &testFakeCheck{behave: "hang"}
		h := NewHealth(map[string]Check{"db": slow.check}, 2*time.Second)
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel)
		testCall(t, h.Ready, httptest.NewRequestWithContext(ctx, "GET", "/ready", nil))
		if stopped, err := slow.ended(); !errors.Is(err, context.Canceled) || stopped != 300*time.Millisecond {
			t.Errorf("client gone after 300ms: the check stopped after %v with %v, want after 300ms with context.Canceled: derive the checks' context from r.Context()", stopped, err)
		}
	})
}

func TestDrain(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		db := &testFakeCheck{behave: "ok"}
		h := NewHealth(map[string]Check{"db": db.check}, time.Second)
		h.Drain()
		a := testGet(t, h.Ready, "/ready")
		if a.code != http.StatusServiceUnavailable || a.body["status"] != "shutting down" {
			t.Errorf("GET /ready after Drain, with every check passing: %d %s, want 503 {\"status\":\"shutting down\"}", a.code, a.raw)
		}
		if db.called() != 0 {
			t.Errorf("GET /ready after Drain ran the checks: once draining, there is nothing to check")
		}
		if a := testGet(t, h.Live, "/health"); a.code != http.StatusOK || a.body["status"] != "ok" {
			t.Errorf("GET /health after Drain: %d %s, want 200 {\"status\":\"ok\"}: the process is still alive while it drains", a.code, a.raw)
		}
	})
}

func TestDrainDuringRequests(t *testing.T) {
	db := &testFakeCheck{behave: "ok"}
	h := NewHealth(map[string]Check{"db": db.check}, time.Second)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 20 {
				h.Ready(httptest.NewRecorder(), httptest.NewRequest("GET", "/ready", nil))
			}
		})
	}
	wg.Go(h.Drain)
	wg.Wait()
	if a := testGet(t, h.Ready, "/ready"); a.code != http.StatusServiceUnavailable {
		t.Errorf("GET /ready after Drain (called while other requests ran): %d, want 503", a.code)
	}
}
