// Wrong: watches done only while waiting for in. When nobody reads out, the
// plain send waits forever, done or not.
package relay

// Run forwards every value from in to out, in order, until in is closed or
// done is closed, whichever comes first. Then it closes out and returns. When
// done is closed it returns at once, even while it waits to receive from in
// or to send on out.
func Run(done <-chan struct{}, in <-chan string, out chan<- string) {
	defer close(out)
	for {
		select {
		case <-done:
			return
		case v, ok := <-in:
			if !ok {
				return
			}
			out <- v
		}
	}
}
