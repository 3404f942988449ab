// Alternative: the shared counter is an *int made with new, and next holds
// the number of the following ID rather than of the last one.
package ids

import "fmt"

// NewSequence returns a generator of IDs with the given prefix.
//
// The first call of next returns prefix + "-1", the second prefix + "-2",
// and so on. After reset, next starts again from prefix + "-1". Two
// sequences never affect each other, even with the same prefix.
func NewSequence(prefix string) (next func() string, reset func()) {
	following := new(int)
	*following = 1
	next = func() string {
		id := fmt.Sprint(prefix, "-", *following)
		*following++
		return id
	}
	reset = func() { *following = 1 }
	return
}
