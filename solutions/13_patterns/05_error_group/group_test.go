package group

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked and would never exit")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Wait never returned; every goroutine is blocked (a function waits for the group's context, which was never cancelled?)")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var (
	testErrTestFirst  = errors.New("first failure")
	testErrTestSecond = errors.New("second failure")
)

func TestGroupSucceeds(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		g, ctx := WithContext(context.Background())
		results := make([]int, 5)
		for i := range results {
			g.Go(func() error {
				time.Sleep(time.Duration(i) * time.Millisecond)
				if ctx.Err() != nil {
					t.Errorf("the group's context was cancelled while no function had failed")
				}
				results[i] = i * 10
				return nil
			})
		}
		start := time.Now()
		if err := g.Wait(); err != nil {
			t.Errorf("five functions return nil: Wait() = %v, want nil", err)
		}
		if elapsed := time.Since(start); elapsed != 4*time.Millisecond {
			t.Errorf("the slowest function takes 4ms: Wait returned after %v, want 4ms", elapsed)
		}
		for i, r := range results {
			if r != i*10 {
				t.Errorf("after Wait, results[%d] = %d, want %d: Wait must wait for every function", i, r, i*10)
			}
		}
		if ctx.Err() == nil {
			t.Errorf("after Wait returned, the group's context is still live: cancel it when Wait returns")
		}
	})
}

func TestGroupWaitWithNothingToWaitFor(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		g, ctx := WithContext(context.Background())
		if err := g.Wait(); err != nil {
			t.Errorf("Wait() on a group with no functions = %v, want nil", err)
		}
		if ctx.Err() == nil {
			t.Errorf("after Wait returned, the group's context is still live: cancel it when Wait returns")
		}
	})
}

// TestGroupFirstErrorCancels: one function fails at 10ms; one waits for the
// context; one ignores it and fails later, at 20ms.
func TestGroupFirstErrorCancels(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		g, ctx := WithContext(context.Background())
		start := time.Now()
		var sawCancel atomic.Int64 // when the waiting function saw ctx end
		g.Go(func() error {
			time.Sleep(10 * time.Millisecond)
			return testErrTestFirst
		})
		g.Go(func() error {
			<-ctx.Done()
			sawCancel.Store(int64(time.Since(start)))
			return ctx.Err()
		})
		g.Go(func() error {
			time.Sleep(20 * time.Millisecond)
			return testErrTestSecond
		})
		err := g.Wait()
		if !errors.Is(err, testErrTestFirst) || errors.Is(err, testErrTestSecond) || errors.Is(err, context.Canceled) {
			t.Errorf("errors at 10ms (%q), then context.Canceled, then at 20ms (%q): Wait() = %v, want the first error, %q", testErrTestFirst, testErrTestSecond, err, testErrTestFirst)
		}
		if elapsed := time.Since(start); elapsed != 20*time.Millisecond {
			t.Errorf("the last function returns at 20ms: Wait returned after %v, want 20ms", elapsed)
		}
		if d := time.Duration(sawCancel.Load()); d != 10*time.Millisecond {
			t.Errorf("the first error came at 10ms, but the function watching the group's context saw it end at %v, want 10ms", d)
		}
		if cause := context.Cause(ctx); !errors.Is(cause, testErrTestFirst) {
			t.Errorf("context.Cause(ctx) = %v, want the first error, %q: cancel with context.WithCancelCause", cause, testErrTestFirst)
		}
	})
}

// TestGroupManyErrorsAtOnce makes many functions fail at the same moment:
// Wait must return one of their errors, and the context's cause must be
// that same error. (The tests run with -race.)
func TestGroupManyErrorsAtOnce(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		g, ctx := WithContext(context.Background())
		errs := make([]error, 20)
		for i := range errs {
			errs[i] = fmt.Errorf("failure %d", i)
			g.Go(func() error {
				time.Sleep(time.Millisecond)
				return errs[i]
			})
		}
		err := g.Wait()
		found := false
		for _, e := range errs {
			found = found || errors.Is(err, e)
		}
		if !found {
			t.Fatalf("20 functions fail at once: Wait() = %v, want one of their errors", err)
		}
		if cause := context.Cause(ctx); !errors.Is(cause, err) {
			t.Errorf("Wait() = %v but context.Cause(ctx) = %v: the first error is both the cause and the result", err, cause)
		}
	})
}

// TestGroupGoStartsAtOnce checks that Go starts f right away, not in Wait.
func TestGroupGoStartsAtOnce(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		g, _ := WithContext(context.Background())
		var started atomic.Bool
		g.Go(func() error {
			started.Store(true)
			return nil
		})
		synctest.Wait()
		if !started.Load() {
			t.Errorf("Go(f) returned and f has still not run: Go must start f in a goroutine at once")
		}
		g.Wait()
	})
}

func TestGroupParentCancelled(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		parent, cancel := context.WithCancel(context.Background())
		g, ctx := WithContext(parent)
		g.Go(func() error {
			<-ctx.Done()
			return ctx.Err()
		})
		time.AfterFunc(time.Second, cancel)
		if err := g.Wait(); !errors.Is(err, context.Canceled) {
			t.Errorf("the parent context is cancelled at 1s and the function returns ctx.Err(): Wait() = %v, want context.Canceled: derive the group's context from ctx", err)
		}
	})
}

func TestZeroGroup(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		var g Group
		g.Go(func() error { return nil })
		g.Go(func() error {
			time.Sleep(time.Millisecond)
			return testErrTestFirst
		})
		g.Go(func() error {
			time.Sleep(2 * time.Millisecond)
			return testErrTestSecond
		})
		if err := g.Wait(); !errors.Is(err, testErrTestFirst) || errors.Is(err, testErrTestSecond) {
			t.Errorf("a zero Group whose functions fail at 1ms (%q) and 2ms (%q): Wait() = %v, want the first error", testErrTestFirst, testErrTestSecond, err)
		}
	})
}
