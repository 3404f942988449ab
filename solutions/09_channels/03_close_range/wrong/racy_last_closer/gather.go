// Wrong: the last source to finish closes the channel, found with a shared
// counter that every goroutine decrements without synchronisation: a data
// race, so two sources may both see zero (double close) or none.
package gather

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	if len(sources) == 0 {
		close(out)
		return out
	}
	remaining := len(sources)
	for _, source := range sources {
		go func() {
			source(out)
			remaining--
			if remaining == 0 {
				close(out)
			}
		}()
	}
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
