package services

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: backoff
// backoff is the delay before retry n (1, 2, 3…): base doubled each time,
// never more than max.
func backoff(n int, base, max time.Duration) time.Duration {
	d := base
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}

func Example_backoff() {
	for n := 1; n <= 6; n++ {
		fmt.Print(backoff(n, 250*time.Millisecond, 3*time.Second), " ")
	}
	// Output: 250ms 500ms 1s 2s 3s 3s
}

// ANCHOR_END: backoff

// ANCHOR: sleep
// sleep waits for d, or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func Example_sleep() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := sleep(ctx, time.Hour)
	fmt.Println(err, time.Since(start) < time.Second)
	// Output: context deadline exceeded true
}

// ANCHOR_END: sleep
