// Alternative: make and copy for With; Without counts the kept elements
// first and fills a slice of exactly that length by index.
package tags

// With returns a new slice holding the elements of list followed by tag.
// The result never shares memory with list.
func With(list []string, tag string) []string {
	out := make([]string, len(list)+1)
	copy(out, list)
	out[len(list)] = tag
	return out
}

// Without returns a new slice holding the elements of list except those
// equal to tag, in their original order. list is not changed, and the
// result never shares memory with it.
func Without(list []string, tag string) []string {
	keep := 0
	for _, t := range list {
		if t != tag {
			keep++
		}
	}
	out := make([]string, keep)
	i := 0
	for _, t := range list {
		if t != tag {
			out[i] = t
			i++
		}
	}
	return out
}
