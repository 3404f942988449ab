//go:build go1.21

// Exercise: loop variable capture (before Go 1.22).
// Each job should run on its own schedule, yet only the last job ever runs.
// The build line above pins this file to Go 1.21 semantics, as in a module
// whose go directive is below 1.22: keep it, and fix Start so that every
// goroutine runs its own job.
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
		wg.Add(1)
		// Before Go 1.22 there is one job variable for the whole loop.
		// Passing it as an argument gives each goroutine its own copy,
		// taken now, before the loop moves on.
		go func(job Job) {
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
		}(job)
	}
	return wg.Wait
}
