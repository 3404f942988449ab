// Wrong: remembers that an input is closed but keeps it in the select. A
// closed channel is always ready, so the loop spins at full speed, burning
// a CPU, until the other input closes too.
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		aOpen, bOpen := true, true
		for aOpen || bOpen {
			select {
			case v, ok := <-a:
				if !ok {
					aOpen = false
					continue
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					bOpen = false
					continue
				}
				out <- v
			}
		}
	}()
	return out
}
