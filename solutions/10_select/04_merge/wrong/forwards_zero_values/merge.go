// Wrong: never looks at ok, so once an input is closed it forwards an endless
// stream of "" (the zero value a closed channel yields).
package merge

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case v := <-a:
				out <- v
			case v := <-b:
				out <- v
			}
		}
	}()
	return out
}
