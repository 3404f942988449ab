// Wrong: does not treat workers < 1 as 1, so with 0 workers no goroutine takes the jobs.
// Process runs jobs one after another. Make it a bounded worker pool: at
// most `workers` calls of fn at once, results in input order, the first
// error cancelling the rest, and no goroutine left behind when it returns.
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

// Process calls fn for every job and returns the results, results[i] being
// fn's result for jobs[i].
//
//   - At most workers calls of fn run at the same time (workers < 1 counts
//     as 1), and Process uses that many when there are enough jobs.
//   - fn gets a context derived from ctx. The first error fn returns
//     cancels that context (so the other calls can stop early), and Process
//     returns that error (wrapped or not); the results are then unused.
//   - When ctx is cancelled, Process starts no new call of fn and returns
//     ctx.Err() (wrapped or not) once the running calls have returned.
//   - No goroutine started by Process is left when it returns.
func Process(ctx context.Context, jobs []Job, workers int, fn func(context.Context, Job) (Result, error)) ([]Result, error) {
	// The cause of the cancellation is the first error: later calls of
	// cancel do not replace it.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	// Each worker writes only results[i] for the indexes it receives, so
	// no two goroutines write the same element: no lock needed.
	results := make([]Result, len(jobs))
	indexes := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, len(jobs)) {
		wg.Go(func() {
			for i := range indexes {
				if ctx.Err() != nil {
					continue // cancelled: drain without starting new calls
				}
				r, err := fn(ctx, jobs[i])
				if err != nil {
					cancel(err)
					continue
				}
				results[i] = r
			}
		})
	}

feed:
	for i := range jobs {
		select {
		case indexes <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(indexes) // the workers' range loops end
	wg.Wait()      // every call of fn has returned

	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	return results, nil
}
