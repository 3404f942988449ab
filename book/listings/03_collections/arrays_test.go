package collections

import "fmt"

// ANCHOR: copy
// RGB is a colour: an array of exactly three bytes. The length is part of
// the type: [3]uint8 and [4]uint8 are different types.
type RGB [3]uint8

// dimmed receives its own copy of c, changes it and returns it.
func dimmed(c RGB) RGB {
	for i := range c {
		c[i] /= 2
	}
	return c
}

// dim changes the caller's colour, through a pointer.
func dim(c *RGB) {
	for i := range c { // ranging over a pointer to an array is allowed
		c[i] /= 2 // so is indexing it: c[i] means (*c)[i]
	}
}

func Example_arrayCopies() {
	orange := RGB{255, 128, 0}

	copied := orange // assignment copies all three elements
	copied[0] = 0
	fmt.Println(orange, copied)

	fmt.Println(dimmed(orange), orange) // orange is unchanged

	dim(&orange)
	fmt.Println(orange)
	// Output:
	// [255 128 0] [0 128 0]
	// [127 64 0] [255 128 0]
	// [127 64 0]
}

// ANCHOR_END: copy

// ANCHOR: compare
func Example_arrayCompare() {
	// Arrays of comparable elements can be compared with == and used as
	// map keys. Slices can do neither.
	type point [2]int
	visited := map[point]bool{{0, 0}: true, {2, 3}: true}
	fmt.Println(visited[point{2, 3}], visited[point{3, 2}])
	fmt.Println(point{1, 2} == point{1, 2})
	// Output:
	// true false
	// true
}

// ANCHOR_END: compare
