package ordered

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by Map was still blocked and would never exit (a send or receive that does not also watch ctx.Done()?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked and Map never returned")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testGauge counts the calls of fn running at once.
type testGauge struct {
	now, max, total atomic.Int32
}

func (g *testGauge) enter() {
	g.total.Add(1)
	n := g.now.Add(1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			return
		}
	}
}

func (g *testGauge) leave() { g.now.Add(-1) }

// testInput sends 0..n-1 on a new channel and closes it (n < 0: endless),
// counting in taken the values received from it.
func testInput(ctx context.Context, n int, taken *atomic.Int32) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; n < 0 || i < n; i++ {
			select {
			case ch <- i:
				taken.Add(1)
			case <-ctx.Done():
				return
			}
		}
	}()
	return ch
}

type testResult struct {
	err     error
	running int32 // calls of fn still running when Map returned
}

// testStart runs Map in a goroutine.
func testStart(ctx context.Context, in <-chan int, out chan<- string, workers int, g *testGauge, fn func(context.Context, int) (string, error)) <-chan testResult {
	done := make(chan testResult, 1)
	go func() {
		err := Map(ctx, in, out, workers, fn)
		done <- testResult{err, g.now.Load()}
	}()
	return done
}

func TestOrderAndConcurrency(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 3}, {1, 3}, {20, 1}, {20, 4}, {37, 5}} {
		t.Run(fmt.Sprintf("%d values, %d workers", c.n, c.workers), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				g := &testGauge{}
				// Later values finish sooner: 3s, 2s, 1s, 3s, 2s, 1s, …
				fn := func(ctx context.Context, v int) (string, error) {
					g.enter()
					defer g.leave()
					time.Sleep(time.Duration(3-v%3) * time.Second)
					return fmt.Sprintf("r%d", v), nil
				}
				var taken atomic.Int32
				out := make(chan string)
				start := time.Now()
				done := testStart(t.Context(), testInput(t.Context(), c.n, &taken), out, c.workers, g, fn)
				var got []string
				var res testResult
			loop:
				for {
					select {
					case r := <-out:
						got = append(got, r)
					case res = <-done:
						break loop
					}
				}
				elapsed := time.Since(start)
				var want []string
				var sum time.Duration
				for v := range c.n {
					want = append(want, fmt.Sprintf("r%d", v))
					sum += time.Duration(3-v%3) * time.Second
				}
				if res.err != nil || !slices.Equal(got, want) {
					t.Fatalf("Map over %d values, %d workers = %v, sent %q; want nil, %q (results in input order)", c.n, c.workers, res.err, got, want)
				}
				if m := g.max.Load(); m > int32(c.workers) {
					t.Errorf("Map over %d values, %d workers: %d calls of fn ran at once, want at most %d", c.n, c.workers, m, c.workers)
				}
				if c.n >= 20 && c.workers > 1 {
					if m := g.max.Load(); m < int32(c.workers) {
						t.Errorf("Map over %d values, %d workers: at most %d calls of fn ran at once, want %d", c.n, c.workers, m, c.workers)
					}
					if limit := sum / 2; elapsed > limit {
						t.Errorf("Map over %d values (calls of 1s to 3s, %v in all), %d workers, took %v, want at most half that, %v: run up to workers calls at once", c.n, sum, c.workers, elapsed, limit)
					}
				}
			})
		})
	}
}

func TestSlowConsumer(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				ctx, cancel := context.WithCancel(t.Context())
				defer cancel()
				g := &testGauge{}
				fn := func(ctx context.Context, v int) (string, error) {
					g.enter()
					defer g.leave()
					return fmt.Sprint(v), nil
				}
				var taken atomic.Int32
				out := make(chan string) // nobody reads it
				done := testStart(ctx, testInput(ctx, -1, &taken), out, workers, g, fn)
				time.Sleep(time.Hour)
				synctest.Wait()
				if n, limit := taken.Load(), int32(workers+2); n > limit {
					t.Errorf("nobody reads out; Map (%d workers) took %d values from an endless input, want at most workers+2 = %d", workers, n, limit)
				}
				cancel()
				synctest.Wait()
				select {
				case res := <-done:
					if !errors.Is(res.err, context.Canceled) {
						t.Errorf("nobody reads out; after ctx was cancelled Map = %v, want context.Canceled", res.err)
					}
				default:
					t.Fatalf("nobody reads out; after ctx was cancelled Map did not return (a send on out that does not also watch ctx.Done()?)")
				}
			})
		})
	}
}

func TestFirstError(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		boom := errors.New("boom")
		g := &testGauge{}
		var sawCancel atomic.Int32
		fn := func(ctx context.Context, v int) (string, error) {
			g.enter()
			defer g.leave()
			if v == 5 {
				time.Sleep(time.Second)
				return "", boom
			}
			if v < 5 {
				return fmt.Sprintf("r%d", v), nil
			}
			select { // later values take an hour, unless cancelled
			case <-time.After(time.Hour):
				return fmt.Sprintf("r%d", v), nil
			case <-ctx.Done():
				sawCancel.Add(1)
				return "", ctx.Err()
			}
		}
		var taken atomic.Int32
		out := make(chan string, 100)
		start := time.Now()
		done := testStart(t.Context(), testInput(t.Context(), 20, &taken), out, 4, g, fn)
		res := <-done
		elapsed := time.Since(start)
		close(out)
		var got []string
		for r := range out {
			got = append(got, r)
		}
		if !errors.Is(res.err, boom) {
			t.Errorf("Map over 0..19 where fn(5) fails after 1s = %v, want the error %v", res.err, boom)
		}
		if elapsed > time.Minute {
			t.Errorf("Map over 0..19 where fn(5) fails after 1s returned after %v, want soon after the failure: cancel the ctx of the running calls", elapsed)
		}
		if want := []string{"r0", "r1", "r2", "r3", "r4"}; !slices.Equal(got, want[:min(len(got), 5)]) || len(got) > 5 {
			t.Errorf("Map over 0..19 where fn(5) fails sent %q, want a prefix of %q (nothing from the failed value on)", got, want)
		}
		if res.running > 0 {
			t.Errorf("Map over 0..19 where fn(5) fails returned while %d calls of fn were still running: wait for them", res.running)
		}
	})
}

func TestCancelWhileWaiting(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		g := &testGauge{}
		fn := func(ctx context.Context, v int) (string, error) {
			g.enter()
			defer g.leave()
			<-ctx.Done()
			time.Sleep(time.Second) // slow to stop
			return "", ctx.Err()
		}
		var taken atomic.Int32
		out := make(chan string)
		done := testStart(ctx, testInput(t.Context(), 10, &taken), out, 3, g, fn)
		time.Sleep(time.Minute)
		cancel()
		res := <-done
		if !errors.Is(res.err, context.Canceled) {
			t.Errorf("Map with every call waiting for ctx; ctx cancelled = %v, want context.Canceled", res.err)
		}
		if res.running > 0 {
			t.Errorf("Map with every call waiting for ctx; ctx cancelled: Map returned while %d calls of fn were still running, want it to wait for them", res.running)
		}
	})
}
