package budget

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by Run was still blocked and would never exit (waiting for abort, which never fires?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Run never returned; it and the goroutines it started were all blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

var (
	testErrTestClientGone = errors.New("client went away")
	testErrTestShutdown   = errors.New("server shutting down")
	testErrTestQuery      = errors.New("query failed")
)

// testWaitForEnd is work that runs until its context ends, then fails with
// ctx.Err() wrapped, as a database call would.
func testWaitForEnd(ctx context.Context) error {
	<-ctx.Done()
	return fmt.Errorf("query: %w", ctx.Err())
}

// testTakes is work that ignores its context and returns err after d.
func testTakes(d time.Duration, err error) func(context.Context) error {
	return func(context.Context) error {
		time.Sleep(d)
		return err
	}
}

// testDescribe shows an error for a message: nil, or its text quoted.
func testDescribe(err error) string {
	if err == nil {
		return "nil"
	}
	return fmt.Sprintf("error %q", err)
}

type testRunCase struct {
	name    string
	ctx     func() (context.Context, func()) // the caller's context (made inside the bubble)
	budget  time.Duration
	abortAt time.Duration // 0: abort never fires
	work    func(context.Context) error
	want    error // nil: Run must return nil
	after   time.Duration
}

func TestRun(t *testing.T) {
	background := func() (context.Context, func()) { return context.Background(), func() {} }
	for _, c := range []testRunCase{
		{"work succeeds", background, 2 * time.Second, 0, testTakes(time.Second, nil), nil, time.Second},
		{"work fails on its own", background, 2 * time.Second, 0, testTakes(time.Second, testErrTestQuery), testErrTestQuery, time.Second},
		{"budget runs out", background, 2 * time.Second, 0, testWaitForEnd, ErrBudget, 2 * time.Second},
		{"abort fires", background, 5 * time.Second, time.Second, testWaitForEnd, testErrTestClientGone, time.Second},
		{"abort fires after the budget", background, 2 * time.Second, 3 * time.Second, testWaitForEnd, ErrBudget, 2 * time.Second},
		{"late work still succeeds", background, time.Second, 0, testTakes(2*time.Second, nil), nil, 2 * time.Second},
		{"caller cancels with a cause", func() (context.Context, func()) {
			ctx, cancel := context.WithCancelCause(context.Background())
			time.AfterFunc(time.Second, func() { cancel(testErrTestShutdown) })
			return ctx, func() { cancel(nil) }
		}, 5 * time.Second, 0, testWaitForEnd, testErrTestShutdown, time.Second},
		{"caller cancels without a cause", func() (context.Context, func()) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(time.Second, cancel)
			return ctx, cancel
		}, 5 * time.Second, 0, testWaitForEnd, context.Canceled, time.Second},
		{"caller's deadline comes first", func() (context.Context, func()) {
			return context.WithTimeout(context.Background(), time.Second)
		}, 5 * time.Second, 0, testWaitForEnd, context.DeadlineExceeded, time.Second},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				var abort chan error
				if c.abortAt > 0 {
					abort = make(chan error, 1) // buffered: the test never blocks on it
					time.AfterFunc(c.abortAt, func() { abort <- testErrTestClientGone })
				} else {
					abort = make(chan error) // nobody ever sends
				}
				ctx, cancel := c.ctx()
				defer cancel()
				start := time.Now()
				err := Run(ctx, c.budget, abort, c.work)
				elapsed := time.Since(start)
				switch {
				case c.want == nil && err != nil:
					t.Errorf("Run returned error %q, want nil", err)
				case c.want != nil && !errors.Is(err, c.want) && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) && !errors.Is(c.want, context.Canceled) && !errors.Is(c.want, context.DeadlineExceeded):
					t.Errorf("Run returned %s, want an error wrapping %q (errors.Is): ctx.Err() only says that the context ended; context.Cause(ctx) says why", testDescribe(err), c.want)
				case c.want != nil && !errors.Is(err, c.want):
					t.Errorf("Run returned %s, want an error wrapping %q (errors.Is)", testDescribe(err), c.want)
				}
				if elapsed != c.after {
					t.Errorf("Run returned after %v, want %v", elapsed, c.after)
				}
				time.Sleep(time.Hour) // let every timer fire before the leak check
			})
		})
	}
}

func TestRunNilAbort(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		if err := Run(context.Background(), time.Second, nil, testWaitForEnd); !errors.Is(err, ErrBudget) {
			t.Errorf("abort = nil, budget 1s, work waits for its context: Run returned %s, want an error wrapping ErrBudget", testDescribe(err))
		}
	})
}
