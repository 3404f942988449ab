// Exercise: let channel directions say who sends and who receives.
// Upper may only receive from in (<-chan) and only send on out (chan<-), so
// the compiler rejects the close below. Read the error, close the channel
// Upper sends on instead, then write Generate.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	// TODO: make a channel, send the words on it from a goroutine, close it
	return nil
}

// Upper receives words from in until in is closed, sends each one upper-cased
// on out, and then closes out.
func Upper(in <-chan string, out chan<- string) {
	for w := range in {
		out <- strings.ToUpper(w)
	}
	close(in)
}
