// Gives each worker one contiguous block of jobs instead of a stride.
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
	w := Workers(len(jobs))
	var wg sync.WaitGroup
	for k := range w {
		start, end := k*len(jobs)/w, (k+1)*len(jobs)/w
		wg.Go(func() {
			for _, job := range jobs[start:end] {
				job()
			}
		})
	}
	wg.Wait()
}
