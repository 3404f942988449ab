// Alternative: scans the runes by hand, building the current word in a
// strings.Builder with unicode.ToLower, and counts it at each separator.
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
	counts := map[string]int{}
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			counts[word.String()]++
			word.Reset()
		}
	}
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word.WriteRune(unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return counts
}
