// Wrong: the workers take the next job from a shared index without any
// synchronisation: a data race, and jobs can run twice or never.
package workers

import (
	"runtime"
	"sync"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	return max(0, min(n, runtime.GOMAXPROCS(0)))
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	next := 0
	var wg sync.WaitGroup
	for range Workers(len(jobs)) {
		wg.Go(func() {
			for next < len(jobs) {
				i := next
				next++
				jobs[i]()
			}
		})
	}
	wg.Wait()
}
