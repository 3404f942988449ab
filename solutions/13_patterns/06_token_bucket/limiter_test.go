package ratelimit

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked and would never exit (a ticker goroutine that nobody stops? count tokens from the time that has passed instead)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the call never returned; every goroutine is blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testTolerance absorbs rounding in implementations that count fractions of
// tokens in floating point: checks stay 1ms away from a token's arrival.
const testTolerance = time.Millisecond

// testAllows calls Allow n times and returns how many were allowed.
func testAllows(l *Limiter, n int) int {
	ok := 0
	for range n {
		if l.Allow() {
			ok++
		}
	}
	return ok
}

func TestAllowBurst(t *testing.T) {
	for _, burst := range []int{1, 3, 10} {
		t.Run(fmt.Sprintf("burst %d", burst), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				l := New(100*time.Millisecond, burst)
				if got := testAllows(l, burst+5); got != burst {
					t.Errorf("New(100ms, %d), then %d calls of Allow at once: %d allowed, want %d (the bucket starts full, with burst tokens)", burst, burst+5, got, burst)
				}
			})
		})
	}
}

// TestAllowRefill drains a bucket of 3 and checks when tokens come back:
// one per 100ms, and never more than 3.
func TestAllowRefill(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		start := time.Now()
		l := New(100*time.Millisecond, 3)
		testAllows(l, 3)
		steps := []struct {
			at   time.Duration // since start
			n    int           // calls of Allow
			want int           // allowed
		}{
			{100*time.Millisecond - testTolerance, 1, 0},
			{100*time.Millisecond + testTolerance, 2, 1},
			{250 * time.Millisecond, 2, 1}, // the token of 200ms
			{300*time.Millisecond - testTolerance, 1, 0},
			{300*time.Millisecond + testTolerance, 1, 1},
			{time.Hour, 5, 3}, // a long pause fills the bucket, no more
			{time.Hour + 50*time.Millisecond, 1, 0},
			{time.Hour + 100*time.Millisecond + testTolerance, 2, 1},
		}
		for _, s := range steps {
			time.Sleep(time.Until(start.Add(s.at)))
			if got := testAllows(l, s.n); got != s.want {
				t.Errorf("New(100ms, 3), drained at 0s: at %v, %d calls of Allow: %d allowed, want %d", s.at, s.n, got, s.want)
			}
		}
	})
}

// TestAllowAfterIdle: a bucket that stays full earns nothing meanwhile, so
// the time it spent full must not turn into tokens once one is taken.
func TestAllowAfterIdle(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := New(100*time.Millisecond, 3)
		time.Sleep(time.Second) // full all along
		if got := testAllows(l, 5); got != 3 {
			t.Errorf("New(100ms, 3), untouched for 1s, then 5 calls of Allow at once: %d allowed, want 3", got)
		}
		time.Sleep(100*time.Millisecond - testTolerance)
		if got := testAllows(l, 1); got != 0 {
			t.Errorf("New(100ms, 3), untouched for 1s, drained, then 1 call of Allow %v later: %d allowed, want 0", 100*time.Millisecond-testTolerance, got)
		}
	})
}

// TestAllowSustained calls Allow every 10ms for 10s: after the burst of 5,
// one call per 100ms may pass.
func TestAllowSustained(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := New(100*time.Millisecond, 5)
		time.Sleep(5 * time.Millisecond) // calls at 5ms, 15ms, ...: never on a token's arrival
		allowed := 0
		for range 1000 {
			if l.Allow() {
				allowed++
			}
			time.Sleep(10 * time.Millisecond)
		}
		if allowed != 104 {
			t.Errorf("New(100ms, 5), Allow every 10ms for 10s: %d allowed, want 104 (the 5 of the burst, then one per 100ms); a limiter must refill one token per period, keeping the time already earned towards the next", allowed)
		}
	})
}

// TestAllowConcurrent calls Allow from many goroutines at once. The tests
// run with -race.
func TestAllowConcurrent(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		l := New(time.Second, 10)
		var allowed atomic.Int32
		var wg sync.WaitGroup
		for range 50 {
			wg.Go(func() {
				if l.Allow() {
					allowed.Add(1)
				}
			})
		}
		wg.Wait()
		if n := allowed.Load(); n != 10 {
			t.Errorf("New(1s, 10), 50 goroutines call Allow at once: %d allowed, want 10", n)
		}
	})
}

// testNear reports whether d is within testTolerance of want.
func testNear(d, want time.Duration) bool {
	return d >= want-testTolerance && d <= want+testTolerance
}

func TestWait(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		start := time.Now()
		l := New(100*time.Millisecond, 2)
		for i := range 2 {
			if err := l.Wait(context.Background()); err != nil {
				t.Fatalf("Wait #%d on a full bucket = %v, want nil", i+1, err)
			}
		}
		if d := time.Since(start); d != 0 {
			t.Errorf("two Waits on a full bucket of 2 took %v, want no waiting", d)
		}
		if err := l.Wait(context.Background()); err != nil {
			t.Fatalf("Wait on an empty bucket = %v, want nil", err)
		}
		if d := time.Since(start); !testNear(d, 100*time.Millisecond) {
			t.Errorf("New(100ms, 2), drained: Wait returned after %v, want 100ms (when the next token comes)", d)
		}
		if l.Allow() {
			t.Errorf("right after Wait took the new token, Allow() = true, want false: Wait must take the token it waited for")
		}
	})
}

// TestWaitInLine has three goroutines wait on an empty bucket: they get the
// next three tokens, 100ms apart.
func TestWaitInLine(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		start := time.Now()
		l := New(100*time.Millisecond, 1)
		l.Allow()
		var mu sync.Mutex
		var times []time.Duration
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				if err := l.Wait(context.Background()); err != nil {
					t.Errorf("Wait = %v, want nil", err)
				}
				mu.Lock()
				times = append(times, time.Since(start))
				mu.Unlock()
			})
		}
		wg.Wait()
		slices.Sort(times)
		want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond}
		for i := range want {
			if i >= len(times) || !testNear(times[i], want[i]) {
				t.Errorf("New(100ms, 1), drained, then 3 goroutines call Wait: they returned after %v, want %v: each Wait takes its own token", times, want)
				break
			}
		}
	})
}

// TestWaitGivesUp cancels a Wait before its token comes: it must return
// ctx.Err() at once and leave the token for the next caller.
func TestWaitGivesUp(t *testing.T) {
	for _, c := range []struct {
		name string
		ctx  func() (context.Context, func())
		want error
	}{
		{"cancelled at 50ms", func() (context.Context, func()) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
		{"deadline at 50ms", func() (context.Context, func()) {
			return context.WithTimeout(context.Background(), 50*time.Millisecond)
		}, context.DeadlineExceeded},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				start := time.Now()
				l := New(100*time.Millisecond, 1)
				l.Allow()
				ctx, cancel := c.ctx()
				defer cancel()
				err := l.Wait(ctx)
				if !errors.Is(err, c.want) {
					t.Errorf("Wait on an empty bucket, ctx %s: error %v, want %v", c.name, err, c.want)
				}
				if d := time.Since(start); d != 50*time.Millisecond {
					t.Errorf("Wait on an empty bucket, ctx %s: returned after %v, want 50ms", c.name, d)
				}
				time.Sleep(time.Until(start.Add(100*time.Millisecond + testTolerance)))
				if !l.Allow() {
					t.Errorf("the Wait that gave up must not take a token: at 100ms, Allow() = false, want true")
				}
			})
		})
	}
}
