// Alternative: keeps the current delay in a variable that doubles after
// each wait (never past Max), and reuses one timer, Reset for every wait.
package retry

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// Policy says how often and how patiently Do retries.
type Policy struct {
	Attempts int            // calls of op at most; less than 1 counts as 1
	Base     time.Duration  // the delay before the second attempt, before jitter
	Max      time.Duration  // the cap: no delay is longer than this
	Rand     func() float64 // the jitter source, in [0, 1); nil: rand.Float64
}

// Do calls op until it returns nil, at most p.Attempts times. After the
// failed attempt n (1, 2, …) it waits d/2 + r·d/2, where the delay
// d = min(Base·2^(n-1), Max) and r is drawn from p.Rand, once per wait.
// It returns nil on success; the last error (wrapped) when every
// attempt failed; and, as soon as ctx ends, an error wrapping ctx.Err(),
// without calling op again.
func Do(ctx context.Context, p Policy, op func(context.Context) error) error {
	if p.Rand == nil {
		p.Rand = rand.Float64
	}
	delay := min(p.Base, p.Max)
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for attempt := 1; ; attempt++ {
		select {
		case <-ctx.Done():
			return fmt.Errorf("gave up after %d attempts: %w", attempt-1, ctx.Err())
		default:
		}
		err := op(ctx)
		if err == nil {
			return nil
		}
		if attempt >= p.Attempts {
			return fmt.Errorf("attempt %d: %w", attempt, err)
		}
		half := delay / 2
		wait := half + time.Duration(p.Rand()*float64(half))
		if timer == nil {
			timer = time.NewTimer(wait)
		} else {
			timer.Reset(wait)
		}
		select {
		case <-timer.C:
		case <-ctx.Done():
			return fmt.Errorf("gave up after %d attempts: %w", attempt, ctx.Err())
		}
		if delay > p.Max/2 {
			delay = p.Max
		} else {
			delay *= 2
		}
	}
}
