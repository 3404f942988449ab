// Package testdemo holds the code the testing chapter tests.
package testdemo

import (
	"strings"
	"unicode"
)

// Slug turns a title into the last part of a URL: lower case, words
// joined by single dashes, anything but letters and digits dropped.
// Slug("Hello, World!") is "hello-world".
func Slug(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(words, "-")
}
