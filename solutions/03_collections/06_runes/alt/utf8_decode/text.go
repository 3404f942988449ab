// Alternative: walks the bytes with the unicode/utf8 decoding functions
// instead of converting to []rune; Mask uses strings.Repeat for the stars.
package text

import (
	"strings"
	"unicode/utf8"
)

// Reverse returns s with its runes in reverse order:
// Reverse("héllo") is "olléh" and Reverse("日本語") is "語本日".
func Reverse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		_, size := utf8.DecodeLastRuneInString(s)
		b.WriteString(s[len(s)-size:])
		s = s[:len(s)-size]
	}
	return b.String()
}

// Truncate returns the first n runes of s, or s itself when it has n runes
// or fewer. n is never negative. Truncate("héllo", 2) is "hé".
func Truncate(s string, n int) string {
	end := 0
	for range n {
		if end >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
	}
	return s[:end]
}

// Mask hides all but the last keep runes of s behind '*', one '*' per
// rune: Mask("4242424242424242", 4) is "************4242" and
// Mask("sécret", 2) is "****et". keep is never negative; when s has keep
// runes or fewer, Mask returns s unchanged.
func Mask(s string, keep int) string {
	hide := utf8.RuneCountInString(s) - keep
	if hide <= 0 {
		return s
	}
	rest := s
	for range hide {
		_, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
	}
	return strings.Repeat("*", hide) + rest
}
