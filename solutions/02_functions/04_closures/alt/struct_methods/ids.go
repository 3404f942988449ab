// Alternative: the counter lives in a struct, and the two functions are
// method values bound to one pointer to it.
package ids

import "strconv"

type sequence struct {
	prefix string
	n      int
}

func (s *sequence) next() string {
	s.n++
	return s.prefix + "-" + strconv.Itoa(s.n)
}

func (s *sequence) reset() { s.n = 0 }

// NewSequence returns a generator of IDs with the given prefix.
//
// The first call of next returns prefix + "-1", the second prefix + "-2",
// and so on. After reset, next starts again from prefix + "-1". Two
// sequences never affect each other, even with the same prefix.
func NewSequence(prefix string) (next func() string, reset func()) {
	s := &sequence{prefix: prefix}
	return s.next, s.reset
}
