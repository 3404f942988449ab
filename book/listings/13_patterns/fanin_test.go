package patterns

import (
	"fmt"
	"slices"
	"sync"
)

// ANCHOR: fanin
// merge forwards every value of every input to one channel, closing it
// once all inputs are closed. (Add a select on ctx.Done() around each
// receive and send, as in the pipeline, to make it stoppable.)
func merge(inputs ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range inputs {
		wg.Go(func() { // one forwarder per input: none waits for another
			for s := range in {
				out <- s
			}
		})
	}
	go func() {
		wg.Wait()  // only when every forwarder is done...
		close(out) // ...is it safe to close: nobody can send any more
	}()
	return out
}

// ANCHOR_END: fanin

// ANCHOR: fanout
// Fan-out: several workers receive from the same channel; each value goes
// to exactly one of them. Fan-in: their outputs are merged.
func Example_fanOutFanIn() {
	words := make(chan string)
	go func() {
		defer close(words)
		for _, w := range []string{"pear", "fig", "apple", "kiwi", "plum"} {
			words <- w
		}
	}()

	worker := func() <-chan string {
		out := make(chan string)
		go func() {
			defer close(out)
			for w := range words {
				out <- fmt.Sprintf("%s=%d", w, len(w))
			}
		}()
		return out
	}

	var got []string
	for s := range merge(worker(), worker(), worker()) {
		got = append(got, s)
	}
	slices.Sort(got) // fan-in keeps no order
	fmt.Println(got)
	// Output: [apple=5 fig=3 kiwi=4 pear=4 plum=4]
}

// ANCHOR_END: fanout
