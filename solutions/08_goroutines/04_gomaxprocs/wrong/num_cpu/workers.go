// Wrong: uses runtime.NumCPU, the number of CPUs of the machine, instead of
// GOMAXPROCS, the number of goroutines Go actually runs at once (which a
// container limit, the GOMAXPROCS variable or the program may have lowered).
package workers

import (
	"runtime"
	"sync"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	return max(0, min(n, runtime.NumCPU()))
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	w := Workers(len(jobs))
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			for i := k; i < len(jobs); i += w {
				jobs[i]()
			}
		})
	}
	wg.Wait()
}
