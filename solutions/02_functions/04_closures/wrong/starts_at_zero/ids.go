// Wrong: formats the ID before counting it, so the first ID ends in -0.
package ids

import "fmt"

// NewSequence returns a generator of IDs with the given prefix.
//
// The first call of next returns prefix + "-1", the second prefix + "-2",
// and so on. After reset, next starts again from prefix + "-1". Two
// sequences never affect each other, even with the same prefix.
func NewSequence(prefix string) (next func() string, reset func()) {
	n := 0
	next = func() string {
		id := fmt.Sprintf("%s-%d", prefix, n)
		n++
		return id
	}
	reset = func() { n = 0 }
	return next, reset
}
