// Wrong: no cap. The delay doubles forever, past Max.
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

// delay is the wait after the failed attempt n (1, 2, …) when r is the
// value drawn from the jitter source.
func (p Policy) delay(n int, r float64) time.Duration {
	d := p.Base
	for i := 1; i < n; i++ {
		d *= 2
	}
	return d/2 + time.Duration(r*float64(d/2))
}

// Do calls op until it returns nil, at most p.Attempts times. After the
// failed attempt n (1, 2, …) it waits d/2 + r·d/2, where the delay
// d = min(Base·2^(n-1), Max) and r is drawn from p.Rand, once per wait. It returns nil on success; the last error (wrapped) when every
// attempt failed; and, as soon as ctx ends, an error wrapping ctx.Err(),
// without calling op again.
func Do(ctx context.Context, p Policy, op func(context.Context) error) error {
	random := p.Rand
	if random == nil {
		random = rand.Float64
	}
	attempts := max(p.Attempts, 1)
	var err error
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return fmt.Errorf("retry: %w (last error: %v)", ctx.Err(), err)
		}
		if err = op(ctx); err == nil {
			return nil
		}
		if n == attempts {
			return fmt.Errorf("retry: %d attempts failed: %w", n, err)
		}
		t := time.NewTimer(p.delay(n, random()))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("retry: %w (last error: %v)", ctx.Err(), err)
		}
	}
}
