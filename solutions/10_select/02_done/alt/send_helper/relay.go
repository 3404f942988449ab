// Receives with v, ok in a select and sends through a helper named send that also watches done.
package relay

// Run forwards every value from in to out, in order, until in is closed or
// done is closed, whichever comes first. Then it closes out and returns. When
// done is closed it returns at once, even while it waits to receive from in
// or to send on out.
func Run(done <-chan struct{}, in <-chan string, out chan<- string) {
	defer close(out)
	for {
		var v string
		var ok bool
		select {
		case <-done:
			return
		case v, ok = <-in:
		}
		if !ok || !send(done, out, v) {
			return
		}
	}
}

// send sends v on out and reports true, or reports false once done is closed.
func send(done <-chan struct{}, out chan<- string, v string) bool {
	select {
	case out <- v:
		return true
	case <-done:
		return false
	}
}
