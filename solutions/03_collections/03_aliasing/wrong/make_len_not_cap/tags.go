// Wrong: With makes the new slice with length len(list)+1 instead of that
// capacity, so append adds tag after an empty element.
// Exercise: append and aliasing.
// Two slices can share one array: writing through one changes the other.
// With and Without must return slices that share nothing with their input.
// Fix them; slices.Clone, copy or a nil start give a slice its own array.
package tags

// With returns a new slice holding the elements of list followed by tag.
// The result never shares memory with list.
func With(list []string, tag string) []string {
	out := make([]string, len(list)+1)
	copy(out, list)
	return append(out, tag)
}

// Without returns a new slice holding the elements of list except those
// equal to tag, in their original order. list is not changed, and the
// result never shares memory with it.
func Without(list []string, tag string) []string {
	var out []string // nil: the first append allocates a new array
	for _, t := range list {
		if t != tag {
			out = append(out, t)
		}
	}
	return out
}
