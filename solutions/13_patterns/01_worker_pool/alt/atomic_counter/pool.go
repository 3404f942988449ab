// Alt: workers claim the next job index from an atomic counter instead of a channel, and the first error is stored under a mutex.
package pool

import (
	"context"
	"sync"
	"sync/atomic"
)

// Job is one unit of work.
type Job struct {
	ID int
	N  int
}

// Result is what fn makes of a Job.
type Result struct {
	JobID int
	Value int
}

// Process calls fn for every job, at most workers at a time, and returns the
// results in input order.
func Process(ctx context.Context, jobs []Job, workers int, fn func(context.Context, Job) (Result, error)) ([]Result, error) {
	n := min(max(workers, 1), len(jobs))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		next    atomic.Int64
		mu      sync.Mutex
		failure error
		wg      sync.WaitGroup
	)
	results := make([]Result, len(jobs))

	run := func() {
		for {
			if ctx.Err() != nil {
				return
			}
			i := int(next.Add(1) - 1)
			if i >= len(jobs) {
				return
			}
			r, err := fn(ctx, jobs[i])
			if err != nil {
				mu.Lock()
				if failure == nil {
					failure = err
				}
				mu.Unlock()
				cancel()
				return
			}
			results[i] = r
		}
	}
	for range n {
		wg.Go(run)
	}
	wg.Wait()

	if failure != nil {
		return nil, failure
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}
