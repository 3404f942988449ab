package collections

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ANCHOR: bytes
func Example_bytesAndRunes() {
	s := "naïve"
	fmt.Println(len(s), utf8.RuneCountInString(s)) // bytes, runes
	fmt.Println(s[2], string(s[2]))                // a byte, not a character

	var parts []string
	for i, r := range s { // range decodes runes; i is a byte offset
		parts = append(parts, fmt.Sprintf("%d:%c", i, r))
	}
	fmt.Println(strings.Join(parts, " "))

	fmt.Println([]byte("é"), []rune("é")) // UTF-8 bytes vs the code point
	// Output:
	// 6 5
	// 195 Ã
	// 0:n 1:a 2:ï 4:v 5:e
	// [195 169] [233]
}

// ANCHOR_END: bytes

// ANCHOR: runes
// initials returns the first rune of each word, upper-cased.
func initials(name string) string {
	var out []rune
	for _, word := range strings.Fields(name) {
		first, _ := utf8.DecodeRuneInString(word) // the first rune, whatever its size
		out = append(out, first)
	}
	return strings.ToUpper(string(out))
}

func Example_initials() {
	fmt.Println(initials("émile zola"))
	fmt.Println(initials("ada  lovelace"))
	// Output:
	// ÉZ
	// AL
}

// ANCHOR_END: runes

// ANCHOR: builder
// csvLine joins fields with commas, quoting the ones that contain a comma.
// A strings.Builder grows one buffer instead of making a new string for
// every +=.
func csvLine(fields ...string) string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if strings.Contains(f, ",") {
			fmt.Fprintf(&b, "%q", f) // a *strings.Builder is an io.Writer
		} else {
			b.WriteString(f)
		}
	}
	return b.String()
}

func Example_csvLine() {
	fmt.Println(csvLine("id", "name", "Lovelace, Ada", "🚀"))
	// Output: id,name,"Lovelace, Ada",🚀
}

// ANCHOR_END: builder
