// Wrong: next counts, but reset is left empty, so next goes on counting
// after a reset.
// Exercise: closures.
// NewSequence returns two functions that share one counter: next hands
// out IDs "<prefix>-1", "<prefix>-2", ... and reset starts over at 1.
// Every sequence counts on its own: keep the counter inside NewSequence.
package ids

import "fmt"

// NewSequence returns a generator of IDs with the given prefix.
//
// The first call of next returns prefix + "-1", the second prefix + "-2",
// and so on. After reset, next starts again from prefix + "-1". Two
// sequences never affect each other, even with the same prefix.
func NewSequence(prefix string) (next func() string, reset func()) {
	n := 0 // a new variable for every call of NewSequence
	next = func() string {
		n++
		return fmt.Sprintf("%s-%d", prefix, n)
	}
	reset = func() {}
	return next, reset
}
