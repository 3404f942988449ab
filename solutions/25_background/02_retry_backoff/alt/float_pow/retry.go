// Alternative: computes the delay in floating point with math.Pow, capped
// before converting back to a Duration, and waits with time.After.
package retry

import (
	"context"
	"errors"
	"math"
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
	jitter := p.Rand
	if jitter == nil {
		jitter = rand.Float64
	}
	total := p.Attempts
	if total < 1 {
		total = 1
	}
	var last error
	for n := 1; n <= total; n++ {
		if err := ctx.Err(); err != nil {
			return errors.Join(err, last)
		}
		last = op(ctx)
		if last == nil {
			return nil
		}
		if n == total {
			break
		}
		d := math.Min(float64(p.Base)*math.Pow(2, float64(n-1)), float64(p.Max))
		wait := time.Duration(d * (0.5 + jitter()/2))
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return errors.Join(ctx.Err(), last)
		}
	}
	return last
}
