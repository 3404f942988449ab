package ctxdemo

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: query
// slowQuery stands for a database call: it honours its context, as
// database/sql's QueryContext does.
func slowQuery(ctx context.Context, d time.Duration) (string, error) {
	select {
	case <-time.After(d):
		return "42 rows", nil
	case <-ctx.Done():
		return "", fmt.Errorf("query: %w", ctx.Err())
	}
}

// ANCHOR_END: query

// ANCHOR: timeout
func ExampleWithTimeout() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel() // releases the timer even when the query is fast

	_, err := slowQuery(ctx, time.Second)
	fmt.Println(err)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output:
	// query: context deadline exceeded
	// true
}

// ANCHOR_END: timeout

// ANCHOR: deadline
func ExampleWithDeadline() {
	// A parent with a deadline 20ms away...
	parent, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	// ...cannot be extended by a child: the earlier deadline wins.
	child, cancelChild := context.WithDeadline(parent, time.Now().Add(time.Hour))
	defer cancelChild()

	pd, _ := parent.Deadline()
	cd, _ := child.Deadline()
	fmt.Println("same deadline:", pd.Equal(cd))
	// Output: same deadline: true
}

// ANCHOR_END: deadline

// ANCHOR: async
// result runs the blocking call f in a goroutine and waits for it or for
// ctx. The channel has room for the answer: if we have stopped waiting, the
// goroutine still delivers it and exits instead of blocking forever.
func result(ctx context.Context, f func() string) (string, error) {
	ch := make(chan string, 1)
	go func() { ch <- f() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// ANCHOR_END: async

// ANCHOR: synctest
// In a synctest bubble time is fake: it moves only when every goroutine in
// the bubble is blocked, and then jumps straight to the next timer. This
// test waits "one second" in microseconds and can assert exact durations.
func TestResultTimesOut(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := result(ctx, func() string {
			time.Sleep(time.Second)
			return "late"
		})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("err = %v, want DeadlineExceeded", err)
		}
		if elapsed := time.Since(start); elapsed != 100*time.Millisecond {
			t.Errorf("returned after %v, want exactly 100ms", elapsed)
		}
		time.Sleep(time.Second) // let the late call finish: no goroutine may remain
	})
}

// ANCHOR_END: synctest
