// One forwarding goroutine per input and a closer that waits for both, instead of one select loop.
package merge

import "sync"

// Merge returns a channel that yields every value from a and b as soon as it
// arrives, and that is closed once both a and b are closed.
func Merge(a, b <-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range []<-chan string{a, b} {
		wg.Go(func() {
			for v := range in {
				out <- v
			}
		})
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
