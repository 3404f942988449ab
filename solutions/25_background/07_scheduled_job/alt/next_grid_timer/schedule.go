// Alternative: no ticker. A timer is set for the next grid point; after a
// run, if grid points passed during it, the next run starts at once and the
// timer moves to the first grid point after now.
package schedule

import (
	"context"
	"time"
)

// Every calls run on a fixed grid, at start+interval, start+2·interval, …
// (start being when Every was called), until ctx ends. interval must be
// positive.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	start := time.Now()
	next := start.Add(interval)
	timer := time.NewTimer(interval)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-timer.C:
		}
		for {
			if ctx.Err() != nil {
				return
			}
			run(ctx)
			now := time.Now()
			missed := !next.Add(interval).After(now) // a grid point passed during the run
			// The first grid point strictly after now.
			k := now.Sub(start)/interval + 1
			next = start.Add(k * interval)
			if !missed {
				break
			}
		}
		timer.Reset(time.Until(next))
	}
}
