// Wrong: Forget sets the count to 0 instead of deleting the key, so the key
// stays in the map (and writing to a nil map panics).
// Exercise: maps, and the nil map.
// Tally crashes: reading a nil map is fine, but writing to one panics.
// Make the map before writing to it. Then write Lookup (comma-ok: a path
// counted 0 times is still there) and Forget (delete).
package hits

// Tally counts how many times each path occurs in paths. It always returns
// a non-nil map, even for no paths, so the caller can add to it.
func Tally(paths []string) map[string]int {
	counts := make(map[string]int)
	for _, p := range paths {
		counts[p]++ // a missing key reads as 0
	}
	return counts
}

// Lookup returns the count of path in counts and whether path is in counts
// at all. A path stored with a count of 0 is in counts. counts may be nil.
func Lookup(counts map[string]int, path string) (n int, ok bool) {
	n, ok = counts[path] // reading a nil map is allowed: 0, false
	return n, ok
}

// Forget removes path from counts and reports whether it was there.
// counts may be nil.
func Forget(counts map[string]int, path string) bool {
	_, ok := counts[path]
	counts[path] = 0
	return ok
}
