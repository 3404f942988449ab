// Wrong: one forwarding goroutine per input, and each closes out when its
// input is closed: the second close panics, and the other input's values are
// sent on a closed channel.
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	for _, in := range []<-chan string{a, b} {
		go func() {
			defer close(out)
			for v := range in {
				out <- v
			}
		}()
	}
	return out
}
