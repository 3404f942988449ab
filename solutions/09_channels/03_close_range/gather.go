// Exercise: close a channel once, after the last send, and range over it.
// Every source goroutine closes the shared channel when it is done, so the
// second close panics. Close it once, after ALL sources are done (wait for
// them in another goroutine). Then write Count with a for ... range loop.
package gather

import "sync"

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, source := range sources {
		wg.Go(func() { source(out) })
	}
	// Gather owns out: it is the only one that knows when the last send is
	// done, so it closes it, once. It waits in a goroutine of its own, so that
	// it can return out at once and the caller can receive meanwhile.
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

// Count receives every item from items until the channel is closed, and
// returns how often each item came.
func Count(items chan string) map[string]int {
	counts := map[string]int{}
	for item := range items { // ends when items is closed and drained
		counts[item]++
	}
	return counts
}
