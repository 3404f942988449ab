package semaphore

import (
	"context"
	"errors"
	"fmt"
	"runtime"
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked and would never exit (waiting for a slot, without watching ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the call never returned; every goroutine is blocked (waiting for a slot that is never released, or ignoring ctx?)")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testGauge counts calls running at once and remembers the most.
type testGauge struct {
	now, max atomic.Int32
}

func (g *testGauge) enter() {
	n := g.now.Add(1)
	for {
		if m := g.max.Load(); n <= m || g.max.CompareAndSwap(m, n) {
			return
		}
	}
}

func (g *testGauge) leave() { g.now.Add(-1) }

var testErrTestFailed = errors.New("item failed")

func TestSemaphoreLimit(t *testing.T) {
	for _, n := range []int{1, 3} {
		t.Run(fmt.Sprintf("%d slots", n), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				sem := New(n)
				var g testGauge
				var wg sync.WaitGroup
				start := time.Now()
				for range 10 {
					wg.Go(func() {
						if err := sem.Acquire(context.Background()); err != nil {
							t.Errorf("Acquire(context.Background()) = %v, want nil", err)
							return
						}
						defer sem.Release()
						g.enter()
						defer g.leave()
						time.Sleep(10 * time.Millisecond)
					})
				}
				wg.Wait()
				if m := g.max.Load(); int(m) != n {
					t.Errorf("New(%d): 10 goroutines did Acquire, work 10ms, Release; %d held a slot at the same time, want %d", n, m, n)
				}
				want := time.Duration((10+n-1)/n) * 10 * time.Millisecond
				if elapsed := time.Since(start); elapsed != want {
					t.Errorf("New(%d): 10 jobs of 10ms took %v, want %v", n, elapsed, want)
				}
			})
		})
	}
}

func TestTryAcquire(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		sem := New(2)
		steps := []struct {
			do   string
			want bool
		}{
			{"TryAcquire", true}, {"TryAcquire", true}, {"TryAcquire", false},
			{"Release", true}, {"TryAcquire", true}, {"TryAcquire", false},
		}
		var log []string
		for _, s := range steps {
			log = append(log, s.do)
			if s.do == "Release" {
				sem.Release()
				continue
			}
			if got := sem.TryAcquire(); got != s.want {
				t.Fatalf("New(2), then %s: the last TryAcquire returned %v, want %v", strings.Join(log, ", "), got, s.want)
			}
		}
	})
}

// TestAcquireWaitsForRelease holds the only slot for 1s: a second Acquire
// must return exactly when it is released.
func TestAcquireWaitsForRelease(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		sem := New(1)
		if err := sem.Acquire(context.Background()); err != nil {
			t.Fatalf("Acquire on a free semaphore = %v, want nil", err)
		}
		time.AfterFunc(time.Second, sem.Release)
		start := time.Now()
		if err := sem.Acquire(context.Background()); err != nil {
			t.Fatalf("second Acquire = %v, want nil", err)
		}
		if elapsed := time.Since(start); elapsed != time.Second {
			t.Errorf("the only slot was released after 1s; the second Acquire returned after %v, want 1s", elapsed)
		}
	})
}

// TestAcquireGivesUp waits for a slot that is not released in time.
func TestAcquireGivesUp(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		sem := New(1)
		sem.Acquire(context.Background())
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := sem.Acquire(ctx)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Acquire on a full semaphore with a 500ms timeout = %v, want context.DeadlineExceeded", err)
		}
		if elapsed := time.Since(start); elapsed != 500*time.Millisecond {
			t.Errorf("Acquire on a full semaphore with a 500ms timeout returned after %v, want 500ms", elapsed)
		}
		// The failed Acquire must not have taken a slot.
		sem.Release()
		if !sem.TryAcquire() {
			t.Errorf("after the failed Acquire and one Release, TryAcquire = false, want true: a failed Acquire must not take a slot")
		} else if sem.TryAcquire() {
			t.Errorf("New(1): after the failed Acquire and one Release, two TryAcquire calls succeeded, want one")
		}
	})
}

// testItems returns 0, 1, ..., n-1.
func testItems(n int) []int {
	items := make([]int, n)
	for i := range items {
		items[i] = i
	}
	return items
}

func TestForEach(t *testing.T) {
	for _, c := range []struct{ items, limit int }{{0, 3}, {1, 3}, {20, 4}, {200, 4}} {
		t.Run(fmt.Sprintf("%d items, limit %d", c.items, c.limit), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				var g testGauge
				var maxGoroutines atomic.Int32
				seen := make([]atomic.Int32, c.items)
				base := runtime.NumGoroutine()
				start := time.Now()
				err := ForEach(context.Background(), testItems(c.items), c.limit, func(_ context.Context, item int) error {
					g.enter()
					defer g.leave()
					n := int32(runtime.NumGoroutine() - base)
					for {
						if m := maxGoroutines.Load(); n <= m || maxGoroutines.CompareAndSwap(m, n) {
							break
						}
					}
					seen[item].Add(1)
					time.Sleep(10 * time.Millisecond)
					return nil
				})
				elapsed := time.Since(start)
				if err != nil {
					t.Errorf("ForEach returned %v, want nil", err)
				}
				for i := range seen {
					if n := seen[i].Load(); n != 1 {
						t.Fatalf("ForEach called fn for item %d %d times, want once", i, n)
					}
				}
				if n := g.now.Load(); n != 0 {
					t.Errorf("ForEach returned while %d calls were still running: wait for them all", n)
				}
				if c.items == 0 {
					return
				}
				if want := min(c.items, c.limit); int(g.max.Load()) != want {
					t.Errorf("%d calls ran at the same time, want %d (the limit)", g.max.Load(), want)
				}
				if want := time.Duration((c.items+c.limit-1)/c.limit) * 10 * time.Millisecond; elapsed != want {
					t.Errorf("%d items of 10ms with limit %d took %v, want %v", c.items, c.limit, elapsed, want)
				}
				// A goroutine that released its slot may not have exited
				// yet when the next one starts: allow for that.
				if n := int(maxGoroutines.Load()); n > 2*c.limit+1 {
					t.Errorf("with limit %d, %d goroutines existed at once: take the slot before starting each goroutine, not inside it", c.limit, n)
				}
			})
		})
	}
}

func TestForEachErrors(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		var calls atomic.Int32
		err := ForEach(context.Background(), testItems(10), 3, func(_ context.Context, item int) error {
			calls.Add(1)
			time.Sleep(time.Millisecond)
			if item == 3 || item == 7 {
				return fmt.Errorf("item %d: %w", item, testErrTestFailed)
			}
			return nil
		})
		if !errors.Is(err, testErrTestFailed) || !strings.Contains(fmt.Sprint(err), "item 3") || !strings.Contains(fmt.Sprint(err), "item 7") {
			t.Errorf("items 3 and 7 fail: ForEach returned %v, want both errors joined (errors.Join)", err)
		}
		if n := calls.Load(); n != 10 {
			t.Errorf("two items failed, and fn was called %d times, want 10: an error does not stop the other calls", n)
		}
	})
}

// TestForEachCancel cancels at 25ms, in the middle of 100 items of 10ms
// with limit 2.
func TestForEachCancel(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(25*time.Millisecond, cancel)
		var g testGauge
		var late atomic.Int32
		start := time.Now()
		err := ForEach(ctx, testItems(100), 2, func(ctx context.Context, item int) error {
			if ctx.Err() != nil {
				late.Add(1)
			}
			g.enter()
			defer g.leave()
			time.Sleep(10 * time.Millisecond) // ignores ctx
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("ctx cancelled at 25ms: ForEach returned %v, want an error that wraps context.Canceled", err)
		}
		if elapsed := time.Since(start); elapsed != 30*time.Millisecond {
			t.Errorf("ctx cancelled at 25ms: ForEach returned after %v, want 30ms (when the 2 running calls end)", elapsed)
		}
		if n := late.Load(); n > 0 {
			t.Errorf("%d calls started after ctx was cancelled: start no new call once ctx is done (Acquire returns its error)", n)
		}
		if n := g.now.Load(); n != 0 {
			t.Errorf("ForEach returned while %d calls were still running: wait for them all", n)
		}
	})
}
