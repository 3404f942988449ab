// Exercise: size a group of goroutines with GOMAXPROCS.
// Workers must say how many goroutines to use for n CPU-bound jobs: one per
// processor Go runs goroutines on, runtime.GOMAXPROCS(0), never more than n.
// RunAll must run the jobs on exactly Workers(len(jobs)) goroutines.
package workers

import (
	"runtime"
	"sync"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	// GOMAXPROCS(0) only reads the setting; any other argument changes it.
	return max(0, min(n, runtime.GOMAXPROCS(0)))
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	w := Workers(len(jobs))
	var wg sync.WaitGroup
	for k := range w {
		wg.Go(func() {
			// Worker k takes jobs k, k+w, k+2w, ...: every job belongs to
			// exactly one worker, so the workers share nothing but the
			// read-only jobs slice.
			for i := k; i < len(jobs); i += w {
				jobs[i]()
			}
		})
	}
	wg.Wait()
}
