// Copies the loop variable into a new variable per iteration (job := job).
//go:build go1.21

package scheduler

import (
	"context"
	"sync"
	"time"
)

// Job is a background task that runs every Every until the scheduler stops.
type Job struct {
	Name  string
	Every time.Duration
	Run   func(ctx context.Context)
}

// Start starts one goroutine per job. Each goroutine runs its job every
// job.Every (the first run one interval after Start) until ctx is cancelled.
// The returned function waits until every job goroutine has stopped.
func Start(ctx context.Context, jobs []Job) (wait func()) {
	var wg sync.WaitGroup
	for _, job := range jobs {
		job := job // a variable of this iteration's own
		wg.Add(1)
		go func() {
			defer wg.Done()
			ticker := time.NewTicker(job.Every)
			defer ticker.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-ticker.C:
					job.Run(ctx)
				}
			}
		}()
	}
	return wg.Wait
}
