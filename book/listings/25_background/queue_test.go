package background

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: workers
// workers runs jobs from one channel on n goroutines: never more than n
// jobs at once, however many are sent. Closing jobs is the signal to stop:
// each worker finishes what is queued, then leaves its loop, and wait
// returns when the last one has.
func workers(n int, jobs <-chan func()) (wait func()) {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for job := range jobs {
				job()
			}
		})
	}
	return wg.Wait
}

// ANCHOR_END: workers

// ANCHOR: bounded_wait
// waitCtx waits for wait to return, or for ctx to end, whichever comes
// first. The goroutine ends with wait: cancel the jobs when ctx wins.
func waitCtx(ctx context.Context, wait func()) error {
	done := make(chan struct{})
	go func() {
		wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ANCHOR_END: bounded_wait

func Example_workers() {
	jobs := make(chan func(), 10) // the backlog: 10 jobs may wait
	wait := workers(3, jobs)

	var running, most atomic.Int32
	for range 9 {
		jobs <- func() {
			n := running.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			time.Sleep(time.Millisecond)
			running.Add(-1)
		}
	}
	close(jobs) // no more jobs: the workers drain the queue and return
	err := waitCtx(context.Background(), wait)
	fmt.Println(err, most.Load() <= 3)
	// Output: <nil> true
}
