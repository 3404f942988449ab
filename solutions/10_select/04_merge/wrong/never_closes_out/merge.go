// Wrong: one forwarding goroutine per input, but nobody closes out, so a
// range over the merged channel never ends.
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	for _, in := range []<-chan string{a, b} {
		go func() {
			for v := range in {
				out <- v
			}
		}()
	}
	return out
}
