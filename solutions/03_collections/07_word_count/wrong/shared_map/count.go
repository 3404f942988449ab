// Wrong: keeps one map for every call, so counts pile up from call to
// call and the caller's changes leak into later results.
// Exercise: word frequency, putting maps, strings and runes together.
// Count returns how many times each word occurs in text. Words are runs
// of letters and digits (any language); everything else separates them.
// Counting ignores case: "Go", "GO" and "go" are the same word, "go".
package wordcount

import (
	"strings"
	"unicode"
)

// counts is shared by every call of Count.
var counts = make(map[string]int)

// Count returns a new map from each word of text, lowercased, to the
// number of times it occurs. A word is a maximal run of letters and digits
// (unicode.IsLetter, unicode.IsDigit); every other character separates
// words. Count never returns nil: for text without words it returns an
// empty map.
func Count(text string) map[string]int {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	// FieldsFunc splits at every run of separators and never returns an
	// empty field.
	for _, w := range strings.FieldsFunc(text, notWord) {
		counts[strings.ToLower(w)]++ // ToLower knows every alphabet, not only ASCII
	}
	return counts
}
