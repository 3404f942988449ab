package leaks

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

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so, naming
// the likely suspect.
func testBubble(t *testing.T, suspect string, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked on a channel and would never exit (%s?)", suspect)
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the call never returned; every goroutine is blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testStopped reports whether done is closed once everything has settled.
func testStopped(done <-chan struct{}) bool {
	synctest.Wait()
	select {
	case <-done:
		return true
	default:
		return false
	}
}

func TestListenHandlesEvents(t *testing.T) {
	testBubble(t, "Listen's goroutine, waiting on events", func(t *testing.T) {
		events := make(chan string)
		var got []string
		done := Listen(context.Background(), events, func(e string) { got = append(got, e) })
		for _, e := range []string{"created", "paid", "shipped"} {
			events <- e
		}
		close(events)
		if !testStopped(done) {
			t.Fatalf("events was closed, but Listen's goroutine has not stopped (done is still open)")
		}
		if want := []string{"created", "paid", "shipped"}; !slices.Equal(got, want) {
			t.Errorf("Listen handled %v, want %v", got, want)
		}
	})
}

// TestListenStopsOnCancel cancels ctx while nobody sends on events and
// nobody will ever close it: the goroutine must not wait forever.
func TestListenStopsOnCancel(t *testing.T) {
	for _, before := range []int{0, 2} {
		t.Run(fmt.Sprintf("after %d events", before), func(t *testing.T) {
			testBubble(t, "Listen's goroutine, waiting on events", func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				events := make(chan string) // never closed
				var handled atomic.Int32
				done := Listen(ctx, events, func(string) { handled.Add(1) })
				for range before {
					events <- "event"
				}
				synctest.Wait()
				cancel()
				if !testStopped(done) {
					t.Errorf("ctx was cancelled, but Listen's goroutine is still waiting to receive on events, which nobody will ever send on or close: a goroutine leak; wait for <-ctx.Done() too (a select)")
				}
				if n := handled.Load(); int(n) != before {
					t.Errorf("handle was called %d times for %d events", n, before)
				}
			})
		})
	}
}

// testReplica answers after d, or returns "" as soon as its context ends
// (if it honours it). running counts the calls still in progress.
func testReplica(answer string, d time.Duration, honoursCtx bool, running *atomic.Int32) Replica {
	return func(ctx context.Context, query string) string {
		running.Add(1)
		defer running.Add(-1)
		if !honoursCtx {
			time.Sleep(d)
			return answer + ":" + query
		}
		select {
		case <-time.After(d):
			return answer + ":" + query
		case <-ctx.Done():
			return ""
		}
	}
}

func TestFirstReturnsFastest(t *testing.T) {
	testBubble(t, "a losing replica's goroutine, sending an answer nobody reads", func(t *testing.T) {
		var running atomic.Int32
		start := time.Now()
		got, err := First(context.Background(), "q",
			testReplica("a", 30*time.Millisecond, true, &running),
			testReplica("b", 10*time.Millisecond, true, &running),
			testReplica("c", 20*time.Millisecond, true, &running))
		if got != "b:q" || err != nil {
			t.Errorf("First(ctx, %q, a after 30ms, b after 10ms, c after 20ms) = %q, %v; want %q, nil", "q", got, err, "b:q")
		}
		if d := time.Since(start); d != 10*time.Millisecond {
			t.Errorf("First returned after %v, want 10ms (the fastest replica)", d)
		}
		synctest.Wait()
		if n := running.Load(); n > 0 {
			t.Errorf("after First returned, %d slower replica calls were still running: their context must be cancelled when First returns (context.WithCancel, defer cancel())", n)
		}
	})
}

// TestFirstLosersCanFinish uses replicas that ignore their context: the
// slow one answers long after First has returned, and its goroutine must
// then be able to exit.
func TestFirstLosersCanFinish(t *testing.T) {
	testBubble(t, "a losing replica's goroutine, sending an answer nobody reads", func(t *testing.T) {
		var running atomic.Int32
		got, err := First(context.Background(), "q",
			testReplica("fast", 10*time.Millisecond, false, &running),
			testReplica("slow", 50*time.Millisecond, false, &running))
		if got != "fast:q" || err != nil {
			t.Errorf("First = %q, %v; want %q, nil", got, err, "fast:q")
		}
		time.Sleep(time.Second) // the slow replica answers; nobody reads it
		// If its goroutine is stuck sending, the bubble reports a leak.
	})
}

func TestFirstGivesUp(t *testing.T) {
	testBubble(t, "a losing replica's goroutine, sending an answer nobody reads", func(t *testing.T) {
		var running atomic.Int32
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		got, err := First(ctx, "q",
			testReplica("a", time.Second, true, &running),
			testReplica("b", 2*time.Second, false, &running))
		if got != "" || !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("First with a 100ms timeout, replicas answering after 1s and 2s: %q, %v; want \"\", context.DeadlineExceeded", got, err)
		}
		if d := time.Since(start); d != 100*time.Millisecond {
			t.Errorf("First returned after %v, want 100ms (when ctx timed out)", d)
		}
		time.Sleep(time.Hour) // let the replica that ignores ctx answer
	})
}
