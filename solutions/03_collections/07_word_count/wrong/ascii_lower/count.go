// Wrong: lowercases only the ASCII letters A-Z, so "CAFÉ" becomes "cafÉ"
// and is counted apart from "café".
// Exercise: word frequency, putting maps, strings and runes together.
// Count returns how many times each word occurs in text. Words are runs
// of letters and digits (any language); everything else separates them.
// Counting ignores case: "Go", "GO" and "go" are the same word, "go".
package wordcount

import (
	"strings"
	"unicode"
)

// Count returns a new map from each word of text, lowercased, to the
// number of times it occurs. A word is a maximal run of letters and digits
// (unicode.IsLetter, unicode.IsDigit); every other character separates
// words. Count never returns nil: for text without words it returns an
// empty map.
func Count(text string) map[string]int {
	counts := make(map[string]int)
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	for _, w := range strings.FieldsFunc(text, notWord) {
		counts[asciiLower(w)]++
	}
	return counts
}

// asciiLower lowercases A-Z and leaves every other byte alone.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
