package collections

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

// ANCHOR: fields
func Example_fieldsFunc() {
	// FieldsFunc splits at every run of characters for which the function
	// returns true, and drops empty fields; Split does not.
	isComma := func(r rune) bool { return r == ',' }
	fmt.Printf("%q\n", strings.Split("a,,b,", ","))
	fmt.Printf("%q\n", strings.FieldsFunc("a,,b,", isComma))
	// Output:
	// ["a" "" "b" ""]
	// ["a" "b"]
}

// ANCHOR_END: fields

// ANCHOR: unicode
func Example_unicodeClasses() {
	for _, r := range "aÉ7日 -!" {
		fmt.Printf("%q letter=%t digit=%t\n",
			r, unicode.IsLetter(r), unicode.IsDigit(r))
	}
	// ToLower and ToUpper know every alphabet. They map rune by rune, so
	// "ß", which has no one-rune capital, stays as it is.
	fmt.Println(strings.ToLower("ÉCOLE"), strings.ToUpper("straße"))
	// Output:
	// 'a' letter=true digit=false
	// 'É' letter=true digit=false
	// '7' letter=false digit=true
	// '日' letter=true digit=false
	// ' ' letter=false digit=false
	// '-' letter=false digit=false
	// '!' letter=false digit=false
	// école STRAßE
}

// ANCHOR_END: unicode

// ANCHOR: tally
// tagCounts counts hashtags such as "#go" in a post, ignoring case. The
// tag is the run of letters after '#'.
func tagCounts(post string) map[string]int {
	counts := make(map[string]int)
	for _, field := range strings.Fields(post) {
		tag, ok := strings.CutPrefix(field, "#")
		if !ok {
			continue
		}
		tag = strings.TrimRightFunc(tag, func(r rune) bool {
			return !unicode.IsLetter(r)
		})
		if tag != "" {
			counts[strings.ToLower(tag)]++
		}
	}
	return counts
}

func Example_tagCounts() {
	counts := tagCounts("#Go is fun. #go! #Rust? # #go")
	for _, tag := range slices.Sorted(maps.Keys(counts)) {
		fmt.Println(tag, counts[tag])
	}
	// Output:
	// go 3
	// rust 1
}

// ANCHOR_END: tally
