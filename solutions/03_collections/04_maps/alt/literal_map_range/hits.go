// Alternative: a map literal for Tally, the comma-ok result returned
// directly, and Forget checking presence with a helper before delete.
package hits

// Tally counts how many times each path occurs in paths. It always returns
// a non-nil map, even for no paths, so the caller can add to it.
func Tally(paths []string) map[string]int {
	counts := map[string]int{}
	for _, p := range paths {
		counts[p] = counts[p] + 1
	}
	return counts
}

// Lookup returns the count of path in counts and whether path is in counts
// at all. A path stored with a count of 0 is in counts. counts may be nil.
func Lookup(counts map[string]int, path string) (n int, ok bool) {
	n, ok = counts[path]
	return
}

// Forget removes path from counts and reports whether it was there.
// counts may be nil.
func Forget(counts map[string]int, path string) bool {
	if !has(counts, path) {
		return false
	}
	delete(counts, path)
	return true
}

func has(m map[string]int, key string) bool {
	_, ok := m[key]
	return ok
}
