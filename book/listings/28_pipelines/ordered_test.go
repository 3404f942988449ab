package pipelines

import (
	"fmt"
	"sync"
	"time"
)

// ANCHOR: futures
// inOrder calls slow on every value, up to workers at once, and returns
// the results in input order, whatever order the calls finish in.
func inOrder(values []int, workers int, slow func(int) int) []int {
	futures := make(chan chan int, workers) // bounds the look-ahead
	sem := make(chan struct{}, workers)     // bounds the running calls
	var wg sync.WaitGroup
	go func() {
		defer close(futures)
		for _, v := range values {
			f := make(chan int, 1)
			futures <- f // in input order
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				f <- slow(v)
			})
		}
	}()
	var results []int
	for f := range futures {
		results = append(results, <-f) // waits for this value's call
	}
	wg.Wait()
	return results
}

// ANCHOR_END: futures

func Example_inOrder() {
	slow := func(n int) int {
		time.Sleep(time.Duration(5-n) * time.Millisecond) // later ones are faster
		return n * 10
	}
	fmt.Println(inOrder([]int{1, 2, 3, 4}, 3, slow))
	// Output: [10 20 30 40]
}
