// Wrong: polls: waits at most 10ms for a value, then looks at done. It does
// stop, but up to 10ms late, and it wakes up 100 times a second for nothing.
package relay

import "time"

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
		default:
		}
		select {
		case v, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- v:
			case <-done:
				return
			}
		case <-time.After(10 * time.Millisecond):
		}
	}
}
