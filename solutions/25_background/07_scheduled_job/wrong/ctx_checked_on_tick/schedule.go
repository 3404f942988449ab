// Wrong: looks at ctx only when a tick arrives, so Every notices the end of
// ctx up to a whole interval late.
package schedule

import (
	"context"
	"time"
)

// Every calls run every interval until ctx ends.
func Every(ctx context.Context, interval time.Duration, run func(context.Context)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for range t.C {
		if ctx.Err() != nil {
			return
		}
		run(ctx)
	}
}
