// Exercise: append and aliasing.
// Two slices can share one array: writing through one changes the other.
// With and Without must return slices that share nothing with their input.
// Fix them; slices.Clone, copy or a nil start give a slice its own array.
package tags

// With returns a new slice holding the elements of list followed by tag.
// The result never shares memory with list.
func With(list []string, tag string) []string {
	return append(list, tag) // BUG: reuses list's array when it has room
}

// Without returns a new slice holding the elements of list except those
// equal to tag, in their original order. list is not changed, and the
// result never shares memory with it.
func Without(list []string, tag string) []string {
	out := list[:0] // BUG: out shares list's array
	for _, t := range list {
		if t != tag {
			out = append(out, t)
		}
	}
	return out
}
