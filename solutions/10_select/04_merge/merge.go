// Exercise: receive from two channels at once with select.
// Merge forwards everything from a, and only then everything from b: b's
// values wait until a is closed. Use one select over both; when one is
// closed, set it to nil (a nil channel is never ready) and stop when both are.
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					a = nil // closed: a nil channel blocks, so select skips it
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				out <- v
			}
		}
	}()
	return out
}
