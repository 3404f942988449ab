// Exercise: let channel directions say who sends and who receives.
// Upper may only receive from in (<-chan) and only send on out (chan<-), so
// the compiler rejects the close below. Read the error, close the channel
// Upper sends on instead, then write Generate.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out) // the sender closes, after its last send
		for _, w := range words {
			out <- w
		}
	}()
	return out // a chan string converts to <-chan string: callers can only receive
}

// Upper receives words from in until in is closed, sends each one upper-cased
// on out, and then closes out.
func Upper(in <-chan string, out chan<- string) {
	defer close(out)
	for w := range in {
		out <- strings.ToUpper(w)
	}
}
