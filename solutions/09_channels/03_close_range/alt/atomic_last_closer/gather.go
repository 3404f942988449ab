// The source goroutine that finishes last closes the channel, found with an atomic countdown.
package gather

import "sync/atomic"

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	if len(sources) == 0 {
		close(out)
		return out
	}
	var running atomic.Int64
	running.Store(int64(len(sources)))
	for _, source := range sources {
		go func() {
			source(out)
			if running.Add(-1) == 0 {
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
	for {
		item, ok := <-items
		if !ok {
			return counts
		}
		counts[item]++
	}
}
