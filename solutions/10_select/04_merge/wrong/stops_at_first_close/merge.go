// Wrong: closes out as soon as ONE input is closed, losing everything the
// other input still sends.
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case v, ok := <-a:
				if !ok {
					return
				}
				out <- v
			case v, ok := <-b:
				if !ok {
					return
				}
				out <- v
			}
		}
	}()
	return out
}
