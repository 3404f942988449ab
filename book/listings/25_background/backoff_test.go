package background

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"testing/synctest"
	"time"
)

// ANCHOR: backoff
// fullJitter is the wait before retry n (1, 2, …): a random point in
// [0, d), where d doubles from base and stops at max. Doubling a variable
// that stops at the cap cannot overflow, unlike base << (n-1).
func fullJitter(n int, base, max time.Duration, rnd func() float64) time.Duration {
	d := base
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	d = min(d, max)
	return time.Duration(rnd() * float64(d))
}

// ANCHOR_END: backoff

// ANCHOR: sleep
// sleep waits for d, or less if ctx ends first. time.Sleep cannot be
// interrupted: a retry loop that uses it ignores shutdown for a whole wait.
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

// ANCHOR_END: sleep

func Example_fullJitter() {
	half := func() float64 { return 0.5 } // a fixed "random" source for tests
	for n := 1; n <= 6; n++ {
		fmt.Print(fullJitter(n, 100*time.Millisecond, time.Second, half), " ")
	}
	fmt.Println()
	// Output: 50ms 100ms 200ms 400ms 500ms 500ms
}

// ANCHOR: sleep_test
func TestSleepStopsOnCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(3*time.Second, cancel)
		start := time.Now()
		err := sleep(ctx, time.Minute)
		if !errors.Is(err, context.Canceled) || time.Since(start) != 3*time.Second {
			t.Errorf("sleep(1m), cancelled at 3s = %v after %v", err, time.Since(start))
		}
	})
}

// ANCHOR_END: sleep_test
