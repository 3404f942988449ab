// Wrong: sends each value from a new goroutine so Run never waits on out; the
// values can arrive out of order, and the senders outlive Run (and send on the
// channel after Run has closed it).
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
			go func() {
				select {
				case out <- v:
				case <-done:
				}
			}()
		}
	}
}
