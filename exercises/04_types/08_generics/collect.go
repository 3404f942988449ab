// Exercise: generics.
//
// These helpers work only for ints (and Set only for strings), though their
// code would fit any type. Give them type parameters, so that Max works for
// any ordered type, Filter and Map for slices of any type, and Set for any
// comparable type.
package collect

// Max returns the largest element of xs, and false when xs is empty.
//
// TODO: make it work for every ordered type: ints, floats, strings, and
// types defined on them, such as type Celsius float64. The constraint
// cmp.Ordered (import "cmp") allows exactly those.
func Max(xs []int) (int, bool) {
	if len(xs) == 0 {
		return 0, false
	}
	best := xs[0]
	for _, x := range xs[1:] {
		if x > best {
			best = x
		}
	}
	return best, true
}

// Filter returns a new slice holding the elements of xs for which keep
// returns true, in order. It does not change xs.
//
// TODO: make it work for a slice of any element type.
func Filter(xs []int, keep func(int) bool) []int {
	var out []int
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Map returns a new slice holding f(x) for every element x of xs, in order.
//
// TODO: make it work for any element type, and let the result have another
// element type: Map([]int{1, 2}, strconv.Itoa) is []string{"1", "2"}. That
// takes two type parameters.
func Map(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Set is a set of strings. Its zero value is an empty set, ready to use.
//
// TODO: make it Set[T comparable], a set of any comparable type, with
// methods on *Set[T].
type Set struct {
	items map[string]struct{}
}

// Add puts v in the set.
func (s *Set) Add(v string) {
	if s.items == nil {
		s.items = make(map[string]struct{})
	}
	s.items[v] = struct{}{}
}

// Has reports whether v is in the set.
func (s *Set) Has(v string) bool {
	_, ok := s.items[v]
	return ok
}

// Len returns the number of elements in the set.
func (s *Set) Len() int {
	return len(s.items)
}
