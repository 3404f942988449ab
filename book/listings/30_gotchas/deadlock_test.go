package gotchas

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// ANCHOR: guide_deadlock
func sendWithoutReceiver() {
	ch := make(chan int)
	ch <- 1 // blocks forever: nobody will ever receive
	fmt.Println(<-ch)
}

// ANCHOR_END: guide_deadlock

// ANCHOR: detect
// TestSynctestReportsADeadlock runs the deadlocking code inside a synctest
// bubble: when every goroutine of the bubble is blocked, synctest.Test
// panics at once instead of letting the test hang until its timeout.
func TestSynctestReportsADeadlock(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(fmt.Sprint(r), "deadlock") {
			t.Fatalf("want a deadlock report, got %v", r)
		}
		t.Log(r) // deadlock: all goroutines in bubble are blocked
	}()
	synctest.Test(t, func(t *testing.T) {
		sendWithoutReceiver()
	})
}

// ANCHOR_END: detect

func Example_channelFixes() {
	// ANCHOR: fixes
	// Fix 1: a buffer with room for the value.
	buffered := make(chan int, 1)
	buffered <- 1 // does not block
	fmt.Println(<-buffered)

	// Fix 2: someone receives at the same time, in another goroutine.
	ch := make(chan int)
	go func() { ch <- 2 }()
	fmt.Println(<-ch)
	// ANCHOR_END: fixes

	// Output:
	// 1
	// 2
}

func Example_closeWhenDone() {
	// ANCHOR: closer
	sizes := []int{3, 5, 8}
	results := make(chan int) // unbuffered
	var wg sync.WaitGroup
	for _, n := range sizes {
		wg.Go(func() { results <- n * n })
	}
	// Waiting here, before receiving, would deadlock: the senders wait for
	// a receiver, and we would wait for the senders. Wait in a goroutine
	// of its own, and close the channel once every sender is done.
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for sq := range results { // ends when results is closed
		total += sq
	}
	fmt.Println(total)
	// ANCHOR_END: closer

	// Output: 98
}
