// Wrong: Generate sends the words itself before returning the channel. On an
// unbuffered channel the first send waits for a receiver that cannot exist
// yet: Generate never returns.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	out := make(chan string)
	for _, w := range words {
		out <- w
	}
	close(out)
	return out
}

// Upper receives words from in until in is closed, sends each one upper-cased
// on out, and then closes out.
func Upper(in <-chan string, out chan<- string) {
	defer close(out)
	for w := range in {
		out <- strings.ToUpper(w)
	}
}
