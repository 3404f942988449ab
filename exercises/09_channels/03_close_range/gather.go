// Exercise: close a channel once, after the last send, and range over it.
// Every source goroutine closes the shared channel when it is done, so the
// second close panics. Close it once, after ALL sources are done (wait for
// them in another goroutine). Then write Count with a for ... range loop.
package gather

// Gather runs every source in its own goroutine, all sending on one channel,
// and returns that channel at once. The channel is closed as soon as every
// source has returned.
func Gather(sources []func(out chan string)) chan string {
	out := make(chan string)
	for _, source := range sources {
		go func() {
			source(out)
			close(out) // BUG: every source closes the channel
		}()
	}
	return out
}

// Count receives every item from items until the channel is closed, and
// returns how often each item came.
func Count(items chan string) map[string]int {
	counts := map[string]int{}
	// TODO: receive until items is closed
	return counts
}
