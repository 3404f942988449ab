// Wrong: waits interval after each run ends instead of following a grid, so
// a long run pushes every later run back, and the schedule drifts.
package schedule

import (
	"context"
	"time"
)

// Every calls run every interval until ctx ends.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	for {
		t := time.NewTimer(interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
			run(ctx)
		}
	}
}
