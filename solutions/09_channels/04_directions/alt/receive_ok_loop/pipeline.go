// Uses explicit v, ok receives and a sender helper named run instead of range loops.
package pipeline

import "strings"

// Generate returns a channel that yields the words in order and is closed
// after the last one. It returns at once; a goroutine does the sending.
func Generate(words ...string) <-chan string {
	ch := make(chan string)
	go run(words, ch)
	return ch
}

func run(words []string, out chan<- string) {
	for i := 0; i < len(words); i++ {
		out <- words[i]
	}
	close(out)
}

// Upper receives words from in until in is closed, sends each one upper-cased
// on out, and then closes out.
func Upper(in <-chan string, out chan<- string) {
	for {
		w, ok := <-in
		if !ok {
			close(out)
			return
		}
		out <- strings.ToUpper(w)
	}
}
