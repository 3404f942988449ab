// Alternative: a helper grows a full slice first (copying element by element
// in a loop), then one shared path adds v.
package growth

// Push returns s with v added at the end, without using append.
//
// If len(s) < cap(s), the result is s extended by one element, s[:len(s)+1],
// so it shares s's underlying array, and v is its last element. Otherwise
// Push makes a new array of capacity max(1, 2*cap(s)), copies the elements
// of s into it, and puts v after them; s itself is not changed.
func Push(s []int, v int) []int {
	if len(s) == cap(s) {
		s = grow(s)
	}
	s = s[:len(s)+1]
	s[len(s)-1] = v
	return s
}

// grow returns a slice with the elements of s in a new array of twice the
// capacity (at least 1).
func grow(s []int) []int {
	c := 2 * cap(s)
	if c == 0 {
		c = 1
	}
	bigger := make([]int, len(s), c)
	for i, x := range s {
		bigger[i] = x
	}
	return bigger
}
