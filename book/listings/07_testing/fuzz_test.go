package testdemo

import (
	"strconv"
	"testing"
	"unicode/utf8"
)

// ANCHOR: fuzz
// FuzzQuote checks two properties of strconv.Quote for any string s: the
// quoted form is valid UTF-8, and strconv.Unquote gives s back.
func FuzzQuote(f *testing.F) {
	// Seeds: run by every plain `go test`, and the fuzzer's starting points.
	f.Add("")
	f.Add("hello")
	f.Add(`a "quoted" \ word`)
	f.Add("tab\tnewline\n")
	f.Add("héllo, 世界 🦫")
	f.Add("\xff\xfe not UTF-8")
	f.Fuzz(func(t *testing.T, s string) {
		q := strconv.Quote(s)
		if !utf8.ValidString(q) {
			t.Errorf("Quote(%q) = %q, which is not valid UTF-8", s, q)
		}
		back, err := strconv.Unquote(q)
		if err != nil || back != s {
			t.Errorf("Unquote(Quote(%q)) = %q, %v; want the original back",
				s, back, err)
		}
	})
}

// ANCHOR_END: fuzz
