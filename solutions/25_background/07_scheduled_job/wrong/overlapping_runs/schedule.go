// Wrong: starts each run in a goroutine of its own, so a run that lasts
// longer than the interval overlaps the next ones (Every still waits for
// them all before returning).
package schedule

import (
	"context"
	"sync"
	"time"
)

// Every calls run every interval until ctx ends.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	var wg sync.WaitGroup
	defer wg.Wait()
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if ctx.Err() != nil {
				return
			}
			wg.Go(func() { run(ctx) })
		}
	}
}
