// Alternative: the ticker loop never runs the job itself; it hands ticks to
// one worker goroutine through a channel of capacity 1 with a non-blocking
// send, so ticks arriving while the worker is busy collapse into one.
package schedule

import (
	"context"
	"time"
)

// Every calls run on a fixed grid, at start+interval, start+2·interval, …
// (start being when Every was called), until ctx ends. interval must be
// positive.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	ticks := make(chan struct{}, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-ctx.Done():
				return
			case <-ticks:
				if ctx.Err() == nil {
					run(ctx)
				}
			}
		}
	}()

	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			<-finished
			return
		case <-ticker.C:
			select {
			case ticks <- struct{}{}:
			default: // one tick is already waiting
			}
		}
	}
}
