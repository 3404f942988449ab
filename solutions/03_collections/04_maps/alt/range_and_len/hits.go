// Alternative: make with a size hint, Lookup by ranging over the map, and
// Forget measuring len before and after delete.
package hits

// Tally counts how many times each path occurs in paths. It always returns
// a non-nil map, even for no paths, so the caller can add to it.
func Tally(paths []string) map[string]int {
	counts := make(map[string]int, len(paths))
	for _, p := range paths {
		counts[p]++
	}
	return counts
}

// Lookup returns the count of path in counts and whether path is in counts
// at all. A path stored with a count of 0 is in counts. counts may be nil.
func Lookup(counts map[string]int, path string) (int, bool) {
	for k, v := range counts {
		if k == path {
			return v, true
		}
	}
	return 0, false
}

// Forget removes path from counts and reports whether it was there.
// counts may be nil.
func Forget(counts map[string]int, path string) bool {
	before := len(counts)
	delete(counts, path)
	return len(counts) < before
}
