package budget

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time), turning the bubble's
// reports of blocked goroutines into ordinary failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the request was answered, a goroutine was still blocked")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the handler never returned; every goroutine is blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testLog records what the steps saw.
type testLog struct {
	mu        sync.Mutex
	start     time.Time
	called    []string
	deadlines map[string]time.Duration // since start; -1 for none
}

func testNewLog() *testLog {
	return &testLog{start: time.Now(), deadlines: map[string]time.Duration{}}
}

func (l *testLog) saw(name string, ctx context.Context) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.called = append(l.called, name)
	if d, ok := ctx.Deadline(); ok {
		l.deadlines[name] = d.Sub(l.start)
	} else {
		l.deadlines[name] = -1
	}
}

// testStep is a well-behaved downstream call: it takes d, or gives up when
// ctx ends, with an error that wraps ctx.Err().
func (l *testLog) step(name string, d time.Duration) Step {
	return func(ctx context.Context) (string, error) {
		l.saw(name, ctx)
		select {
		case <-time.After(d):
			return name, nil
		case <-ctx.Done():
			return "", fmt.Errorf("%s: %w", name, ctx.Err())
		}
	}
}

// stubborn is a downstream call that ignores ctx and takes d anyway.
func (l *testLog) stubborn(name string, d time.Duration) Step {
	return func(ctx context.Context) (string, error) {
		l.saw(name, ctx)
		time.Sleep(d)
		return name, nil
	}
}

// failing is a downstream call that fails at once, not for lack of time.
func (l *testLog) failing(name string) Step {
	return func(ctx context.Context) (string, error) {
		l.saw(name, ctx)
		return "", errors.New(name + ": 500 Internal Server Error")
	}
}

// testServe runs one request through h with ctx, and returns the answer
// and how long it took.
func testServe(h http.Handler, ctx context.Context) (*httptest.ResponseRecorder, time.Duration) {
	start := time.Now()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/quote", nil).WithContext(ctx))
	return rec, time.Since(start)
}

func (l *testLog) checkDeadlines(t *testing.T, setup string, want time.Duration) {
	t.Helper()
	for _, name := range l.called {
		if got := l.deadlines[name]; got != want {
			if got == -1 {
				t.Errorf("%s: step %s got a context without a deadline, want the deadline %v after the request arrived", setup, name, want)
			} else {
				t.Errorf("%s: step %s got a context with a deadline %v after the request arrived, want %v (the same deadline for every step: what is left of the budget)", setup, name, got, want)
			}
		}
	}
}

func TestStepsWithinBudget(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testNewLog()
		h := Handler(time.Second, l.step("inventory", 100*time.Millisecond), l.step("price", 200*time.Millisecond), l.step("shipping", 300*time.Millisecond))
		rec, took := testServe(h, context.Background())
		setup := "budget 1s, steps of 100ms, 200ms, 300ms"
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: answer %d %q, want 200", setup, rec.Code, rec.Body.String())
		}
		if got := strings.Fields(rec.Body.String()); strings.Join(got, " ") != "inventory price shipping" {
			t.Errorf("%s: body %q, want \"inventory\\nprice\\nshipping\\n\"", setup, rec.Body.String())
		}
		if took != 600*time.Millisecond {
			t.Errorf("%s: the request took %v, want 600ms", setup, took)
		}
		l.checkDeadlines(t, setup, time.Second)
	})
}

func TestBudgetIsShared(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testNewLog()
		h := Handler(250*time.Millisecond, l.step("inventory", 100*time.Millisecond), l.step("price", 100*time.Millisecond), l.step("shipping", 100*time.Millisecond))
		rec, took := testServe(h, context.Background())
		setup := "budget 250ms, three steps of 100ms"
		if rec.Code != http.StatusGatewayTimeout {
			t.Errorf("%s: answer %d %q after %v, want 504 after 250ms: the third step has only 50ms left", setup, rec.Code, rec.Body.String(), took)
		} else if took != 250*time.Millisecond {
			t.Errorf("%s: 504 after %v, want after 250ms", setup, took)
		}
		l.checkDeadlines(t, setup, 250*time.Millisecond)
	})
}

func TestNoStepAfterBudget(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testNewLog()
		h := Handler(200*time.Millisecond, l.stubborn("inventory", 300*time.Millisecond), l.step("price", 100*time.Millisecond))
		rec, took := testServe(h, context.Background())
		setup := "budget 200ms, a first step that ignores ctx and takes 300ms"
		if rec.Code != http.StatusGatewayTimeout {
			t.Errorf("%s: answer %d %q, want 504", setup, rec.Code, rec.Body.String())
		}
		if len(l.called) != 1 {
			t.Errorf("%s: steps called %v, want only [inventory]: no step starts when no time is left", setup, l.called)
		}
		if took != 300*time.Millisecond {
			t.Errorf("%s: the request took %v, want 300ms", setup, took)
		}
	})
}

func TestRequestDeadlineShorter(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testNewLog()
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		h := Handler(time.Second, l.step("inventory", 50*time.Millisecond), l.step("price", 200*time.Millisecond), l.step("shipping", 10*time.Millisecond))
		rec, took := testServe(h, ctx)
		setup := "budget 1s, request context ending after 100ms, steps of 50ms, 200ms, 10ms"
		if rec.Code != http.StatusGatewayTimeout || took != 100*time.Millisecond {
			t.Errorf("%s: answer %d after %v, want 504 after 100ms (the request's own deadline comes first)", setup, rec.Code, took)
		}
		l.checkDeadlines(t, setup, 100*time.Millisecond)
		if len(l.called) != 2 {
			t.Errorf("%s: steps called %v, want [inventory price]", setup, l.called)
		}
	})
}

func TestStepFails(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := testNewLog()
		h := Handler(time.Second, l.step("inventory", 100*time.Millisecond), l.failing("price"), l.step("shipping", 100*time.Millisecond))
		rec, took := testServe(h, context.Background())
		setup := "budget 1s, the second of three steps fails at once"
		if rec.Code != http.StatusBadGateway {
			t.Errorf("%s: answer %d %q, want 502", setup, rec.Code, rec.Body.String())
		}
		if strings.Join(l.called, " ") != "inventory price" {
			t.Errorf("%s: steps called %v, want [inventory price]", setup, l.called)
		}
		if took != 100*time.Millisecond {
			t.Errorf("%s: the request took %v, want 100ms", setup, took)
		}
	})
}
