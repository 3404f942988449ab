// Exercise: size a group of goroutines with GOMAXPROCS.
// Workers must say how many goroutines to use for n CPU-bound jobs: one per
// processor Go runs goroutines on, runtime.GOMAXPROCS(0), never more than n.
// RunAll must run the jobs on exactly Workers(len(jobs)) goroutines.
package workers

// Workers returns the number of goroutines to use for n CPU-bound jobs:
// runtime.GOMAXPROCS(0), but never more than n, and 0 when n <= 0.
func Workers(n int) int {
	return 1 // TODO
}

// RunAll calls every job exactly once, on Workers(len(jobs)) goroutines that
// run at the same time, and returns when all jobs have finished.
func RunAll(jobs []func()) {
	// TODO: start Workers(len(jobs)) goroutines that share the jobs out.
	for _, job := range jobs {
		job()
	}
}
