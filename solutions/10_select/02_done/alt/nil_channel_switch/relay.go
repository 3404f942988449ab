// One select loop that switches between receiving and sending by setting the idle channel to nil.
package relay

// Run forwards every value from in to out, in order, until in is closed or
// done is closed, whichever comes first. Then it closes out and returns. When
// done is closed it returns at once, even while it waits to receive from in
// or to send on out.
func Run(done <-chan struct{}, in <-chan string, out chan<- string) {
	defer close(out)
	recv := in
	var send chan<- string // nil until a value is waiting to be sent
	var pending string
	for {
		select {
		case <-done:
			return
		case v, ok := <-recv:
			if !ok {
				return
			}
			pending, recv, send = v, nil, out
		case send <- pending:
			recv, send = in, nil
		}
	}
}
