package gotchas

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

func process(int) {}

// ANCHOR: guide_leak
// leak starts a goroutine that waits for a value nobody will ever send.
func leak() {
	ch := make(chan int)
	go func() {
		val := <-ch // waits forever
		process(val)
	}()
	// returns; the goroutine stays blocked for the life of the process
}

// noLeak gives the goroutine a second way out: ctx being cancelled.
func noLeak(ctx context.Context) {
	ch := make(chan int)
	go func() {
		select {
		case val := <-ch:
			process(val)
		case <-ctx.Done():
			return
		}
	}()
}

// ANCHOR_END: guide_leak

// ANCHOR: run_bubble
// runBubble runs f in a synctest bubble. Goroutines of the bubble that are
// still blocked when f returns make synctest.Test panic; the recover turns
// that into an ordinary test failure naming the leak.
func runBubble(t *testing.T, f func(t *testing.T)) (leaked bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			leaked = true
			t.Logf("goroutines were left blocked (a leak): %v", r)
		}
	}()
	synctest.Test(t, f)
	return false
}

// ANCHOR_END: run_bubble

// ANCHOR: leak_tests
func TestLeakIsCaught(t *testing.T) {
	leaked := runBubble(t, func(t *testing.T) {
		leak()
	})
	if !leaked {
		t.Error("leak() left no goroutine behind?")
	}
}

func TestNoLeakWhenCancelled(t *testing.T) {
	leaked := runBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		noLeak(ctx)
		cancel()        // the caller is done: the goroutine must exit
		synctest.Wait() // let it run until it exits or blocks
	})
	if leaked {
		t.Error("noLeak left a goroutine behind after its context was cancelled")
	}
}

// ANCHOR_END: leak_tests

// ANCHOR: timeout_leak
// fetchWithTimeout is the shape of most real leaks: a worker goroutine, a
// result channel, and a caller that may stop listening.
func fetchWithTimeout(ctx context.Context, slow func() string) (string, error) {
	ch := make(chan string, 1) // room for the result: the send never blocks
	go func() { ch <- slow() }()
	select {
	case s := <-ch:
		return s, nil
	case <-ctx.Done():
		return "", ctx.Err() // the worker still finishes, into the buffer
	}
}

// ANCHOR_END: timeout_leak

func TestFetchWithTimeout(t *testing.T) {
	leaked := runBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		_, err := fetchWithTimeout(ctx, func() string { time.Sleep(time.Minute); return "late" })
		if err == nil || !strings.Contains(err.Error(), "deadline") {
			t.Errorf("err = %v, want the deadline error", err)
		}
		time.Sleep(2 * time.Minute) // let the slow call finish
	})
	if leaked {
		t.Error("fetchWithTimeout leaked its worker")
	}
}
