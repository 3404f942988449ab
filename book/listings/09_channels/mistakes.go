package channels

import "fmt"

// The functions in this file show mistakes. They compile, and nothing runs
// them.

// ANCHOR: deadlock
// deadlock is the guide's example: the send waits for a receiver, and the
// only goroutine that could receive is this one, stuck on the send.
func deadlock() {
	ch := make(chan int)
	ch <- 1 // blocks forever
	fmt.Println(<-ch)
}

// ANCHOR_END: deadlock

// ANCHOR: leak
// firstResult starts three lookups and returns the first answer. The other
// two goroutines then wait forever to send on an unbuffered channel nobody
// reads any more: a goroutine leak, two per call. make(chan string, 3)
// would let them finish.
func firstResult(lookup func(server int) string) string {
	answers := make(chan string)
	for server := range 3 {
		go func() { answers <- lookup(server) }()
	}
	return <-answers
}

// ANCHOR_END: leak
