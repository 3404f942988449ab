package timeout

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps and timers
// are instant and exact), and goroutines still blocked at the end are
// reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were still running when the request was done (a leak): %v", r)
		}
	}()
	synctest.Test(t, f)
}

// testBackend is a fake slow backend: it takes `takes` unless its context ends
// first, and records when and how it stopped.
type testBackend struct {
	takes   time.Duration
	start   time.Time
	stopped time.Duration // when it returned, after start
	err     error         // what it returned
}

func (b *testBackend) work(ctx context.Context) (string, error) {
	select {
	case <-time.After(b.takes):
		b.stopped = time.Since(b.start)
		return "report ready", nil
	case <-ctx.Done():
		b.stopped = time.Since(b.start)
		b.err = ctx.Err()
		return "", ctx.Err()
	}
}

func testServe(h http.Handler, req *http.Request) (*httptest.ResponseRecorder, time.Duration) {
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec, time.Since(start)
}

func TestFastRequest(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := &testBackend{takes: 100 * time.Millisecond, start: time.Now()}
		rec, took := testServe(Timeout(time.Second, Handler(b.work)), httptest.NewRequest("GET", "/report", nil))
		if rec.Code != 200 || rec.Body.String() != "report ready" {
			t.Fatalf("work taking 100ms, limit 1s: status %d, body %q; want 200 \"report ready\"", rec.Code, rec.Body.String())
		}
		if took != 100*time.Millisecond {
			t.Errorf("work taking 100ms, limit 1s: answered after %v, want 100ms", took)
		}
	})
}

func TestSlowRequestTimesOut(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := &testBackend{takes: 5 * time.Second, start: time.Now()}
		// Note when the context Timeout gives the handler ends.
		var ctxEndedAt atomic.Int64
		inner := Handler(b.work)
		h := Timeout(time.Second, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			context.AfterFunc(r.Context(), func() { ctxEndedAt.Store(int64(time.Since(b.start))) })
			inner.ServeHTTP(w, r)
		}))
		rec, took := testServe(h, httptest.NewRequest("GET", "/report", nil))
		if rec.Code != http.StatusServiceUnavailable || took != time.Second {
			t.Fatalf("work taking 5s, limit 1s: status %d after %v, want 503 after exactly 1s", rec.Code, took)
		}
		time.Sleep(5 * time.Second) // let a handler that did not stop finish
		if !errors.Is(b.err, context.DeadlineExceeded) || b.stopped != time.Second {
			const did = "work taking 5s, limit 1s: the work stopped after %v with error %v, want it stopped at 1s by its context (context deadline exceeded)"
			switch ctxEnded := time.Duration(ctxEndedAt.Load()); ctxEnded {
			case time.Second:
				t.Errorf(did+"; the request's context did end at 1s: call work with r.Context()", b.stopped, b.err)
			case 0:
				t.Errorf(did+"; the context Timeout gave the handler never ended", b.stopped, b.err)
			default:
				t.Errorf(did+"; the context Timeout gave the handler ended at %v", b.stopped, b.err, ctxEnded)
			}
		}
	})
}

func TestHandlerIgnoringItsContext(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		stubborn := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(5 * time.Second) // never looks at r.Context()
			w.Write([]byte("late"))
		})
		rec, took := testServe(Timeout(time.Second, stubborn), httptest.NewRequest("GET", "/stubborn", nil))
		if rec.Code != http.StatusServiceUnavailable || took != time.Second {
			t.Errorf("a handler that sleeps 5s without watching its context, limit 1s: status %d after %v, want 503 after exactly 1s: the client must get its answer at the deadline whatever the handler does (http.TimeoutHandler)", rec.Code, took)
		}
		time.Sleep(5 * time.Second) // let the stubborn handler finish
		if strings.Contains(rec.Body.String(), "late") {
			if rec.Code == http.StatusServiceUnavailable {
				t.Errorf("a handler that answers after the deadline: its body %q reached the client after the 503", rec.Body.String())
			} else {
				t.Errorf("a handler that answers after the deadline: the client got its late answer, status %d with body %q, and no 503", rec.Code, rec.Body.String())
			}
		}
	})
}

func TestTimeoutsAreIndependent(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		h := Timeout(time.Second, Handler((&testBackend{takes: 600 * time.Millisecond}).work))
		for i := range 3 {
			rec, took := testServe(h, httptest.NewRequest("GET", "/report", nil))
			if rec.Code != 200 || took != 600*time.Millisecond {
				t.Fatalf("request %d (work taking 600ms, limit 1s each): status %d after %v, want 200 after 600ms: every request gets its own deadline", i+1, rec.Code, took)
			}
		}
	})
}

func TestClientGoneStopsWork(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := &testBackend{takes: 5 * time.Second, start: time.Now()}
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(300*time.Millisecond, cancel) // the client hangs up
		req := httptest.NewRequestWithContext(ctx, "GET", "/report", nil)
		rec, took := testServe(Handler(b.work), req)
		if !errors.Is(b.err, context.Canceled) || b.stopped != 300*time.Millisecond {
			t.Errorf("client gone after 300ms: the work stopped after %v with error %v, want it stopped at 300ms (context canceled): call work with r.Context()", b.stopped, b.err)
		}
		if took != 300*time.Millisecond {
			t.Errorf("client gone after 300ms: Handler returned after %v, want 300ms", took)
		}
		if b.err != nil && rec.Code != http.StatusServiceUnavailable {
			t.Errorf("client gone after 300ms, work returned %v: status %d, want 503 (the work failed because its context ended)", b.err, rec.Code)
		}
	})
}

func TestHandlerAnswers503WhenTheContextEnds(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := &testBackend{takes: 5 * time.Second, start: time.Now()}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		rec, took := testServe(Handler(b.work), httptest.NewRequestWithContext(ctx, "GET", "/report", nil))
		if rec.Code != http.StatusServiceUnavailable || took != 2*time.Second {
			t.Errorf("Handler alone, request context with a 2s deadline, work taking 5s: status %d after %v, want 503 after 2s", rec.Code, took)
		}
	})
}

func TestWorkErrorLeaksNothing(t *testing.T) {
	failing := func(ctx context.Context) (string, error) {
		return "", errors.New("upstream reports: connection refused by 10.1.2.3:9000")
	}
	rec := httptest.NewRecorder()
	Handler(failing).ServeHTTP(rec, httptest.NewRequest("GET", "/report", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "10.1.2.3") {
		t.Errorf("work failing with an internal error: status %d, body %q; want 500 without the error's details", rec.Code, rec.Body.String())
	}
}
