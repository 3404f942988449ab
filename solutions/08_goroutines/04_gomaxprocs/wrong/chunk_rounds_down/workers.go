// Wrong: gives each worker len(jobs)/w jobs, rounded down, so when the jobs do
// not divide evenly the last few jobs are never run.
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
	w := Workers(len(jobs))
	if w == 0 {
		return
	}
	chunk := len(jobs) / w
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			for _, job := range jobs[k*chunk : (k+1)*chunk] {
				job()
			}
		})
	}
	wg.Wait()
}
