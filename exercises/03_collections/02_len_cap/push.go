// Exercise: slice length and capacity.
// Write Push, a hand-made append: when the slice has room (len < cap) it
// reuses the same array; when it is full, it makes a bigger array with
// make, copies the old elements with copy, then adds the new one.
package growth

// Push returns s with v added at the end, without using append.
//
// If len(s) < cap(s), the result is s extended by one element, s[:len(s)+1],
// so it shares s's underlying array, and v is its last element. Otherwise
// Push makes a new array of capacity max(1, 2*cap(s)), copies the elements
// of s into it, and puts v after them; s itself is not changed.
func Push(s []int, v int) []int {
	// TODO
	return s
}
