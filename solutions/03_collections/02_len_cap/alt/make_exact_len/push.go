// Alternative: the new array's slice is made one longer from the start and
// v stored by index; with room, the slice is extended and its last element
// set.
package growth

// Push returns s with v added at the end, without using append.
//
// If len(s) < cap(s), the result is s extended by one element, s[:len(s)+1],
// so it shares s's underlying array, and v is its last element. Otherwise
// Push makes a new array of capacity max(1, 2*cap(s)), copies the elements
// of s into it, and puts v after them; s itself is not changed.
func Push(s []int, v int) []int {
	n := len(s)
	if n < cap(s) {
		s = s[:n+1]
		s[n] = v
		return s
	}
	out := make([]int, n+1, max(1, 2*cap(s)))
	copy(out, s)
	out[n] = v
	return out
}
