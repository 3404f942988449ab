// Workers claim the next job index with an atomic counter; Add/Done by hand.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	if n <= 0 {
		return 0
	}
	if p := runtime.GOMAXPROCS(0); p < n {
		return p
	}
	return n
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	var next atomic.Int64
	var wg sync.WaitGroup
	w := Workers(len(jobs))
	wg.Add(w)
	for range w {
		go func() {
			defer wg.Done()
			worker(jobs, &next)
		}()
	}
	wg.Wait()
}

func worker(jobs []func(), next *atomic.Int64) {
	for {
		i := int(next.Add(1) - 1)
		if i >= len(jobs) {
			return
		}
		jobs[i]()
	}
}
