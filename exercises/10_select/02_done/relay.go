// Exercise: stop a worker with a done channel.
// Run forwards values until in is closed, and ignores done: once nobody
// wants its output, it waits forever, a leaked goroutine. Wait in a select on
// done as well, both when receiving from in and when sending on out.
package relay

// Run forwards every value from in to out, in order, until in is closed or
// done is closed, whichever comes first. Then it closes out and returns. When
// done is closed it returns at once, even while it waits to receive from in
// or to send on out.
func Run(done <-chan struct{}, in <-chan string, out chan<- string) {
	defer close(out)
	for v := range in { // TODO: also stop as soon as done is closed
		out <- v
	}
}
