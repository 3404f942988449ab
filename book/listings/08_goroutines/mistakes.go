package goroutines

import (
	"sync"
	"time"
)

// The functions in this file show mistakes. They compile, and nothing runs
// them.

func expensive(string) {}

// ANCHOR: guide
// handleAll is the guide's "concurrent execution": three goroutines started,
// and nothing waits for them. If the caller is main, the program may end
// before any of them ran.
func handleAll() {
	go expensive("task 1")
	go expensive("task 2")
	go expensive("task 3")
}

// ANCHOR_END: guide

// ANCHOR: sleep
// sleepInstead "waits" by sleeping. Nothing orders the goroutine's write
// before the read, so it is a data race even when the sleep is long enough,
// and it is slow every time the work is quick.
func sleepInstead() int {
	result := 0
	go func() { result = 42 }()
	time.Sleep(100 * time.Millisecond)
	return result // DATA RACE
}

// ANCHOR_END: sleep

// ANCHOR: shared
// sharedTotal adds from several goroutines to one variable: total += n reads
// total, adds, and writes it back, and two goroutines can interleave.
func sharedTotal(nums []int) int {
	total := 0
	var wg sync.WaitGroup
	for _, n := range nums {
		wg.Go(func() {
			total += n // DATA RACE
		})
	}
	wg.Wait()
	return total
}

// ANCHOR_END: shared
