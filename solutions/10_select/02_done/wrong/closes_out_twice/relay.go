// Wrong: keeps the deferred close(out) and also closes out on the way out
// when done is closed, so out is closed twice and Run panics.
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
			close(out)
			return
		case v, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- v:
			case <-done:
				close(out)
				return
			}
		}
	}
}
