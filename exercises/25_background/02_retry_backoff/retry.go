// Make Do retry politely: wait between attempts, twice as long each time
// (exponential backoff) up to a cap, with jitter drawn from p.Rand, and stop
// waiting the moment ctx ends. As shipped it retries at once, hammering a
// service that is already failing. You are done when the hidden tests pass.
package retry

import (
	"context"
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
	var err error
	for range max(p.Attempts, 1) {
		if err = op(ctx); err == nil {
			return nil
		}
		// TODO: wait before the next attempt, unless ctx ends first.
	}
	return err
}
