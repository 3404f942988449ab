// Wrong: each source goroutine calls wg.Add(1) itself, so the closing
// goroutine's wg.Wait can see a count of zero and close before any source runs.
package gather

import "sync"

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, source := range sources {
		go func() {
			wg.Add(1)
			defer wg.Done()
			source(out)
		}()
	}
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
	for item := range items {
		counts[item]++
	}
	return counts
}
