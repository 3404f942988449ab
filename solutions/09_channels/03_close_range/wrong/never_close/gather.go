// Wrong: never closes the channel, so a range over it waits forever after
// the last item.
package gather

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	for _, source := range sources {
		go source(out)
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
