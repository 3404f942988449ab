// Wrong: runs the ticker loop in a goroutine and returns when ctx ends
// without stopping it: the ticker is never stopped and the goroutine keeps
// waiting for ticks (and running jobs) after Every returned.
package schedule

import (
	"context"
	"time"
)

// Every calls run every interval until ctx ends.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	t := time.NewTicker(interval)
	go func() {
		for range t.C {
			run(ctx)
		}
	}()
	<-ctx.Done()
}
