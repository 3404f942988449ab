// Wrong: Truncate slices bytes, s[:n], which can cut a character in half
// and keeps fewer characters than asked for.
// Exercise: strings, bytes and runes.
// Strings hold UTF-8 bytes: "é" is 2 bytes, "日" 3. Reverse and Truncate
// work on bytes and break such text: make them work on runes. Then write
// Mask with a strings.Builder.
package text

import (
	"strings"
	"unicode/utf8"
)

// Reverse returns s with its runes in reverse order:
// Reverse("héllo") is "olléh" and Reverse("日本語") is "語本日".
func Reverse(s string) string {
	r := []rune(s) // decodes the UTF-8: one element per character
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

// Truncate returns the first n runes of s, or s itself when it has n runes
// or fewer. n is never negative. Truncate("héllo", 2) is "hé".
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// Mask hides all but the last keep runes of s behind '*', one '*' per
// rune: Mask("4242424242424242", 4) is "************4242" and
// Mask("sécret", 2) is "****et". keep is never negative; when s has keep
// runes or fewer, Mask returns s unchanged.
func Mask(s string, keep int) string {
	hide := utf8.RuneCountInString(s) - keep // runes, not bytes
	var b strings.Builder
	for _, r := range s {
		if hide > 0 {
			b.WriteByte('*')
			hide--
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
