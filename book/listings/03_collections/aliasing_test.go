package collections

import (
	"fmt"
	"slices"
)

// ANCHOR: share
func Example_sharedArray() {
	nums := []int{1, 2, 3, 4}
	window := nums[1:3] // [2 3], on the same array as nums
	window[0] = 20
	fmt.Println(nums) // nums sees the write
	// Output: [1 20 3 4]
}

// ANCHOR_END: share

// ANCHOR: trap
func Example_appendTrap() {
	base := make([]string, 2, 4) // spare capacity: append will not reallocate
	base[0], base[1] = "GET", "/users"

	a := append(base, "json")
	b := append(base, "xml") // writes into the same slot as "json"
	fmt.Println(a, b)
	// Output: [GET /users xml] [GET /users xml]
}

// ANCHOR_END: trap

// ANCHOR: fix
func Example_appendIndependent() {
	base := make([]string, 2, 4)
	base[0], base[1] = "GET", "/users"

	// slices.Clone makes a new array; appending to the clone cannot touch
	// base or any other clone.
	a := append(slices.Clone(base), "json")
	// A full slice expression s[low:high:max] limits the capacity, so
	// append has no room and must allocate.
	b := append(base[:len(base):len(base)], "xml")
	fmt.Println(a, b, base)
	// Output: [GET /users json] [GET /users xml] [GET /users]
}

// ANCHOR_END: fix

// ANCHOR: inplace
// evens keeps the even numbers of nums, reusing nums's array: fast, and
// fine when the caller hands the slice over, but nums is overwritten.
func evens(nums []int) []int {
	out := nums[:0]
	for _, n := range nums {
		if n%2 == 0 {
			out = append(out, n)
		}
	}
	return out
}

func Example_filterInPlace() {
	nums := []int{1, 2, 3, 4, 5, 6}
	fmt.Println(evens(nums))
	fmt.Println(nums) // the caller's slice has changed
	// Output:
	// [2 4 6]
	// [2 4 6 4 5 6]
}

// ANCHOR_END: inplace
