// Wrong: stops the double-close panic with sync.Once, but the first source to
// return still closes the channel while the others may still send on it.
package gather

import "sync"

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	var once sync.Once
	for _, source := range sources {
		go func() {
			source(out)
			once.Do(func() { close(out) })
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
