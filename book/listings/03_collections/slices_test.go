package collections

import "fmt"

// ANCHOR: lencap
func Example_lenCap() {
	s := make([]int, 3, 5) // length 3, capacity 5: room for 2 more
	fmt.Println(s, len(s), cap(s))

	s = s[:5] // reslice up to the capacity: allowed
	fmt.Println(s, len(s), cap(s))

	tail := s[2:] // a window on the same array, starting at element 2
	fmt.Println(len(tail), cap(tail))

	var none []int // the nil slice: len 0, cap 0, and append works on it
	fmt.Println(none == nil, len(none), cap(none))
	// Output:
	// [0 0 0] 3 5
	// [0 0 0 0 0] 5 5
	// 3 3
	// true 0 0
}

// ANCHOR_END: lencap

// ANCHOR: grow
func Example_appendGrows() {
	s := make([]int, 0, 2)
	s = append(s, 1, 2) // fits: same array
	first := &s[0]

	s = append(s, 3) // no room: append makes a bigger array and copies
	fmt.Println(&s[0] == first, len(s), cap(s) >= 3)
	// Output: false 3 true
}

// ANCHOR_END: grow

// ANCHOR: prealloc
// squares returns the squares of 1..n. The length of the result is known
// in advance, so the slice is made with that capacity: append never has
// to grow it.
func squares(n int) []int {
	out := make([]int, 0, n)
	for i := 1; i <= n; i++ {
		out = append(out, i*i)
	}
	return out
}

func Example_squares() {
	sq := squares(5)
	fmt.Println(sq, len(sq), cap(sq))
	// Output: [1 4 9 16 25] 5 5
}

// ANCHOR_END: prealloc

// ANCHOR: copyfn
func Example_copy() {
	src := []string{"a", "b", "c"}
	dst := make([]string, 2)
	n := copy(dst, src) // copies min(len(dst), len(src)) elements
	fmt.Println(n, dst)
	// Output: 2 [a b]
}

// ANCHOR_END: copyfn
