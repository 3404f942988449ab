// Alternative: builds on the slices package (slices.Max, DeleteFunc on a
// clone) and keeps the set as a map[T]bool.
package collect

import (
	"cmp"
	"slices"
)

// Max returns the largest element of xs, and false when xs is empty.
func Max[T cmp.Ordered](xs []T) (T, bool) {
	if len(xs) == 0 {
		var zero T
		return zero, false
	}
	return slices.Max(xs), true
}

// Filter returns a new slice holding the elements of xs for which keep
// returns true, in order. It does not change xs.
func Filter[T any](xs []T, keep func(T) bool) []T {
	return slices.DeleteFunc(slices.Clone(xs), func(x T) bool { return !keep(x) })
}

// Map returns a new slice holding f(x) for every element x of xs, in order.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// Set is a set of comparable values. Its zero value is an empty set, ready
// to use.
type Set[T comparable] struct {
	items map[T]bool
}

// Add puts v in the set.
func (s *Set[T]) Add(v T) {
	if s.items == nil {
		s.items = map[T]bool{}
	}
	s.items[v] = true
}

// Has reports whether v is in the set.
func (s *Set[T]) Has(v T) bool {
	return s.items[v]
}

// Len returns the number of elements in the set.
func (s *Set[T]) Len() int {
	return len(s.items)
}
