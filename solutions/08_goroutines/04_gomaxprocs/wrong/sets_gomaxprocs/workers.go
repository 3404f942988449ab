// Wrong: runtime.GOMAXPROCS(n) does not ask "how many for n?": it SETS the
// limit to n and returns the old value, changing the whole program.
package workers

import (
	"runtime"
	"sync"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	if n <= 0 {
		return 0
	}
	return min(n, runtime.GOMAXPROCS(n))
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
