// Wrong: waits for the sources before returning the channel. Nobody can
// receive yet, so the sources block on their first send and Gather never
// returns.
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
	wg.Wait()
	close(out)
	return out
}

// Count receives every item from items until the channel is closed, and
// returns how often each item came.
func Count(items chan string) map[string]int {
	counts := map[string]int{}
	for item := range items {
		counts[item]++
	}
	return counts
}
