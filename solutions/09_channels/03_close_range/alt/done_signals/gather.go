// Each source signals on a done channel; a collector goroutine counts the signals and then closes.
package gather

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	done := make(chan struct{})
	for _, source := range sources {
		go func() {
			defer func() { done <- struct{}{} }()
			source(out)
		}()
	}
	go func() {
		for range sources {
			<-done
		}
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
