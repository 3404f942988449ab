// Wrong: splits on white space only (strings.Fields), so punctuation stays
// inside words: "Hello," and "hello" are counted apart.
// Exercise: word frequency, putting maps, strings and runes together.
// Count returns how many times each word occurs in text. Words are runs
// of letters and digits (any language); everything else separates them.
// Counting ignores case: "Go", "GO" and "go" are the same word, "go".
package wordcount

import "strings"

// Count returns a new map from each word of text, lowercased, to the
// number of times it occurs. A word is a maximal run of letters and digits
// (unicode.IsLetter, unicode.IsDigit); every other character separates
// words. Count never returns nil: for text without words it returns an
// empty map.
func Count(text string) map[string]int {
	counts := make(map[string]int)
	for _, w := range strings.Fields(text) {
		counts[strings.ToLower(w)]++
	}
	return counts
}
