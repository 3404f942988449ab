package caching

import (
	"fmt"

	"golang.org/x/sync/singleflight"
)

func Example_singleflight() {
	// ANCHOR: singleflight
	var group singleflight.Group
	loads := 0
	release := make(chan struct{})
	load := func() (any, error) {
		loads++
		<-release // a slow query, still running
		return "value", nil
	}
	// Three callers miss the same key while the first load runs.
	// DoChan returns at once; Do would block each caller until the result.
	var results []<-chan singleflight.Result
	for range 3 {
		results = append(results, group.DoChan("user:42", load))
	}
	close(release)
	for _, ch := range results {
		r := <-ch
		fmt.Println(r.Val, r.Err, r.Shared)
	}
	fmt.Println("loads:", loads)
	// ANCHOR_END: singleflight

	// Output:
	// value <nil> true
	// value <nil> true
	// value <nil> true
	// loads: 1
}
