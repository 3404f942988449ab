// Wrong: Upper closes out inside the loop, after the first word, so the second
// send is on a closed channel and panics.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			out <- w
		}
	}()
	return out
}

// Upper receives words from in until in is closed, sends each one upper-cased
// on out, and then closes out.
func Upper(in <-chan string, out chan<- string) {
	for w := range in {
		out <- strings.ToUpper(w)
		close(out)
	}
}
