// Alternative: lowercases the whole text first, then splits it with
// strings.FieldsFunc and a helper that says which runes separate words.
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
	for _, w := range strings.FieldsFunc(strings.ToLower(text), separator) {
		counts[w]++
	}
	return counts
}

func separator(r rune) bool {
	return !valid(r)
}

func valid(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
