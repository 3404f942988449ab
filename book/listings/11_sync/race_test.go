package syncdemo

import (
	"fmt"
	"sync"
)

// ANCHOR: racy
// Looks fine, prints the right number most of the time, and is wrong:
// total++ is a read, an add and a write, and two goroutines can interleave
// them. go test -race reports it on the first run.
func countRacy(n int) int {
	total := 0
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			total++ // DATA RACE
		})
	}
	wg.Wait()
	return total
}

// ANCHOR_END: racy

var _ = countRacy // shown in the book, never run: the listings run with -race

// ANCHOR: fixed
func count(n int) int {
	var mu sync.Mutex
	total := 0
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			mu.Lock()
			total++
			mu.Unlock()
		})
	}
	wg.Wait() // happens after every Done: reading total is safe now
	return total
}

// ANCHOR_END: fixed

func Example_count() {
	fmt.Println(count(1000))
	// Output: 1000
}
