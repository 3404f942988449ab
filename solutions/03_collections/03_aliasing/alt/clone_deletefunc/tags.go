// Alternative: slices.Clone gives each result its own array: With appends to
// a clone grown by one, Without filters a clone with slices.DeleteFunc.
package tags

import "slices"

// With returns a new slice holding the elements of list followed by tag.
// The result never shares memory with list.
func With(list []string, tag string) []string {
	out := slices.Grow(slices.Clone(list), 1)
	return append(out, tag)
}

// Without returns a new slice holding the elements of list except those
// equal to tag, in their original order. list is not changed, and the
// result never shares memory with it.
func Without(list []string, tag string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(t string) bool {
		return t == tag
	})
}
