package wordcount

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// testShowCounts prints a map with its keys quoted and sorted, so that empty
// words and words with punctuation are easy to see: {"go": 2, "": 1}.
func testShowCounts(m map[string]int) string {
	if m == nil {
		return "nil map"
	}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, fmt.Sprintf("%q: %d", k, m[k]))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

type testCountCase struct {
	name string
	text string
	want map[string]int
}

func testCheckCount(t *testing.T, cases []testCountCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Count(c.text)
			if got == nil {
				t.Fatalf("Count(%q) = nil map, want %s", c.text, testShowCounts(c.want))
			}
			if !maps.Equal(got, c.want) {
				t.Errorf("Count(%q) = %s, want %s", c.text, testShowCounts(got), testShowCounts(c.want))
			}
		})
	}
}

func TestCount(t *testing.T) {
	testCheckCount(t, []testCountCase{
		{"one word", "go", map[string]int{"go": 1}},
		{"repeated", "go go go", map[string]int{"go": 3}},
		{"several words", "the cat saw the dog", map[string]int{"the": 2, "cat": 1, "saw": 1, "dog": 1}},
		{"digits are part of words", "route 66 and route66", map[string]int{"route": 1, "66": 1, "and": 1, "route66": 1}},
	})
}

func TestCountEmpty(t *testing.T) {
	testCheckCount(t, []testCountCase{
		{"empty string", "", map[string]int{}},
		{"only spaces", "    ", map[string]int{}},
		{"only punctuation", "?! ... --", map[string]int{}},
	})
}

func TestCountIgnoresCase(t *testing.T) {
	testCheckCount(t, []testCountCase{
		{"ASCII", "Go GO go gO", map[string]int{"go": 4}},
		{"accented capital", "Café CAFÉ café", map[string]int{"café": 3}},
		{"Greek", "Λόγος λόγος", map[string]int{"λόγος": 2}},
		{"German", "ÜBER über", map[string]int{"über": 2}},
	})
}

func TestCountUnicodeLetters(t *testing.T) {
	testCheckCount(t, []testCountCase{
		{"accents", "Café café", map[string]int{"café": 2}},
		{"naïve résumé", "naïve résumé, naïve", map[string]int{"naïve": 2, "résumé": 1}},
		{"Japanese", "日本語 日本語", map[string]int{"日本語": 2}},
		{"Cyrillic", "привет мир привет", map[string]int{"привет": 2, "мир": 1}},
	})
}

func TestCountSeparators(t *testing.T) {
	testCheckCount(t, []testCountCase{
		{"runs of spaces", "  go   is  fun  ", map[string]int{"go": 1, "is": 1, "fun": 1}},
		{"tabs and newlines", "go\tis\nfun\r\n", map[string]int{"go": 1, "is": 1, "fun": 1}},
		{"punctuation", "Hello, world! Hello... world?", map[string]int{"hello": 2, "world": 2}},
		{"hyphens and slashes", "well-known and/or", map[string]int{"well": 1, "known": 1, "and": 1, "or": 1}},
		{"apostrophe", "it's", map[string]int{"it": 1, "s": 1}},
		{"no spaces at all", "a,b;c.d", map[string]int{"a": 1, "b": 1, "c": 1, "d": 1}},
		{"symbols and emoji", "go🚀go €5", map[string]int{"go": 2, "5": 1}},
	})
}

func TestCountReturnsNewMap(t *testing.T) {
	first := Count("go go")
	if first == nil {
		t.Fatal(`Count("go go") = nil map`)
	}
	first["go"] = 100
	first["extra"] = 1
	second := Count("go go")
	want := map[string]int{"go": 2}
	if !maps.Equal(second, want) {
		t.Errorf(`after changing the map returned by Count("go go"), Count("go go") = %s, want %s (make a new map on every call)`, testShowCounts(second), testShowCounts(want))
	}
	third := Count("rust")
	if want := map[string]int{"rust": 1}; !maps.Equal(third, want) {
		t.Errorf(`Count("rust") after Count("go go") = %s, want %s (make a new map on every call)`, testShowCounts(third), testShowCounts(want))
	}
}
