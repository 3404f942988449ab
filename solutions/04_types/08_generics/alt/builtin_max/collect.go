// Alternative: Max folds with the built-in max, Filter counts into a slice
// made up front, and the type parameters have other names (E, In, Out).
package collect

import "cmp"

// Max returns the largest element of xs, and false when xs is empty.
func Max[E cmp.Ordered](xs []E) (best E, ok bool) {
	for i, x := range xs {
		if i == 0 {
			best = x
			continue
		}
		best = max(best, x)
	}
	return best, len(xs) > 0
}

// Filter returns a new slice holding the elements of xs for which keep
// returns true, in order. It does not change xs.
func Filter[E any](xs []E, keep func(E) bool) []E {
	out := make([]E, 0, len(xs))
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Map returns a new slice holding f(x) for every element x of xs, in order.
func Map[In, Out any](xs []In, f func(In) Out) []Out {
	var out []Out
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Set is a set of comparable values. Its zero value is an empty set, ready
// to use.
type Set[E comparable] struct {
	items map[E]struct{}
}

// Add puts v in the set.
func (s *Set[E]) Add(v E) {
	if s.items == nil {
		s.items = make(map[E]struct{})
	}
	s.items[v] = struct{}{}
}

// Has reports whether v is in the set.
func (s *Set[E]) Has(v E) bool {
	_, ok := s.items[v]
	return ok
}

// Len returns the number of elements in the set.
func (s *Set[E]) Len() int {
	return len(s.items)
}
