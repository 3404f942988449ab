// Wrong: the workers range over a jobs channel that is never closed, so after
// the last job they block forever: the goroutines leak and RunAll never returns.
package workers

import (
	"runtime"
	"sync"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	return max(min(runtime.GOMAXPROCS(0), n), 0)
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	queue := make(chan func(), len(jobs))
	for _, job := range jobs {
		queue <- job
	}
	var wg sync.WaitGroup
	for range Workers(len(jobs)) {
		wg.Go(func() {
			for job := range queue {
				job()
			}
		})
	}
	wg.Wait()
}
