// Starts a named run function with the job as an argument, indexing the slice instead of capturing the loop variable.
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
	for i := range jobs {
		wg.Add(1)
		go run(ctx, &wg, jobs[i])
	}
	return wg.Wait
}

// run runs job every job.Every until ctx is cancelled.
func run(ctx context.Context, wg *sync.WaitGroup, job Job) {
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
}
