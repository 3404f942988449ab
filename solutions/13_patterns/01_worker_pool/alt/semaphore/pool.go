// Alt: one goroutine per job, bounded by a buffered channel used as a semaphore; the first error is kept with sync.Once.
package pool

import (
	"context"
	"sync"
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
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	sem := make(chan struct{}, workers)
	results := make([]Result, len(jobs))

	for i, j := range jobs {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			r, err := fn(ctx, j)
			if err != nil {
				once.Do(func() {
					firstErr = err
					cancel()
				})
				return
			}
			results[i] = r
		})
	}
	wg.Wait()

	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return results, nil
}
