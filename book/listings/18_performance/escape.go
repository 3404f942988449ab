// Package perf holds the code shown in the chapter on performance.
package perf

import "fmt"

// ANCHOR: escape
type point struct{ X, Y int }

// Returned by value: the caller gets a copy, nothing outlives the call.
func midpoint(a, b point) point {
	return point{(a.X + b.X) / 2, (a.Y + b.Y) / 2}
}

// Returned by pointer: the point must outlive the call, so unless the
// call is inlined it lives on the heap.
//
//go:noinline
func newPoint(x, y int) *point {
	return &point{x, y}
}

var last *point

// Stored in a package variable: escapes, whoever calls it.
func remember(p *point) {
	last = p
}

// Converted to an interface that escapes (into fmt): boxed on the heap.
func describe(n int) string {
	return fmt.Sprint("n = ", n)
}

// A local slice of a constant size that does not leave the function:
// on the stack.
func sumSquares(n int) int {
	var squares [64]int
	total := 0
	for i := range min(n, len(squares)) {
		squares[i] = i * i
		total += squares[i]
	}
	return total
}

// ANCHOR_END: escape
