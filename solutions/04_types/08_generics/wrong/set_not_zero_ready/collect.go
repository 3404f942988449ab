// Wrong: Set's zero value is not ready: Add writes to a nil map.
// Exercise: generics.
//
// These helpers work only for ints (and Set only for strings), though their
// code would fit any type. Give them type parameters, so that Max works for
// any ordered type, Filter and Map for slices of any type, and Set for any
// comparable type.
package collect

import "cmp"

// Max returns the largest element of xs, and false when xs is empty.
func Max[T cmp.Ordered](xs []T) (T, bool) {
	if len(xs) == 0 {
		var zero T
		return zero, false
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
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Map returns a new slice holding f(x) for every element x of xs, in order.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Set is a set of values of type T. Its zero value is an empty set, ready
// to use.
type Set[T comparable] struct {
	items map[T]struct{}
}

// Add puts v in the set.
func (s *Set[T]) Add(v T) {
	s.items[v] = struct{}{}
}

// Has reports whether v is in the set.
func (s *Set[T]) Has(v T) bool {
	_, ok := s.items[v]
	return ok
}

// Len returns the number of elements in the set.
func (s *Set[T]) Len() int {
	return len(s.items)
}
