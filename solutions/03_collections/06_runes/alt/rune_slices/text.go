// Alternative: converts to []rune everywhere: slices.Reverse for Reverse,
// slicing the runes for Truncate, and overwriting runes with '*' for Mask.
package text

import "slices"

// Reverse returns s with its runes in reverse order:
// Reverse("héllo") is "olléh" and Reverse("日本語") is "語本日".
func Reverse(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// Truncate returns the first n runes of s, or s itself when it has n runes
// or fewer. n is never negative. Truncate("héllo", 2) is "hé".
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

// Mask hides all but the last keep runes of s behind '*', one '*' per
// rune: Mask("4242424242424242", 4) is "************4242" and
// Mask("sécret", 2) is "****et". keep is never negative; when s has keep
// runes or fewer, Mask returns s unchanged.
func Mask(s string, keep int) string {
	r := []rune(s)
	if len(r) <= keep {
		return s
	}
	for i := range len(r) - keep {
		r[i] = '*'
	}
	return string(r)
}
