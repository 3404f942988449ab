package text

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReverse(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"one letter", "a", "a"},
		{"ASCII", "hello", "olleh"},
		{"accent", "héllo", "olléh"},
		{"Japanese", "日本語", "語本日"},
		{"emoji", "go 🚀!", "!🚀 og"},
		{"mixed", "añb€c", "c€bña"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Reverse(c.in)
			if got != c.want {
				t.Errorf("Reverse(%q) = %q, want %q", c.in, got, c.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("Reverse(%q) is not valid UTF-8: characters were cut apart (were bytes reversed instead of runes?)", c.in)
			}
		})
	}
}

func TestReverseTwiceIsIdentity(t *testing.T) {
	for _, s := range []string{"backend", "Crème brûlée", "Καλημέρα", "中文 and English"} {
		if got := Reverse(Reverse(s)); got != s {
			t.Errorf("Reverse(Reverse(%q)) = %q, want %q", s, got, s)
		}
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		name string
		in   string
		n    int
		want string
	}{
		{"empty", "", 3, ""},
		{"zero", "hello", 0, ""},
		{"ASCII", "hello", 3, "hel"},
		{"exactly n", "hello", 5, "hello"},
		{"shorter than n", "hi", 10, "hi"},
		{"accent kept whole", "héllo", 2, "hé"},
		{"cut before accent", "héllo", 1, "h"},
		{"Japanese", "日本語", 2, "日本"},
		{"Japanese, n > runes but < bytes", "日本語", 5, "日本語"},
		{"emoji", "🚀🚀🚀", 1, "🚀"},
		{"accent at the end", "café", 4, "café"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Truncate(c.in, c.n)
			if got != c.want {
				t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
			}
		})
	}
}

func TestMask(t *testing.T) {
	cases := []struct {
		name string
		in   string
		keep int
		want string
	}{
		{"card number", "4242424242424242", 4, "************4242"},
		{"accent hidden", "sécret", 2, "****et"},
		{"accent kept", "olé", 1, "**é"},
		{"Japanese", "東京都", 1, "**都"},
		{"keep nothing", "abc", 0, "***"},
		{"keep everything", "abc", 3, "abc"},
		{"keep more than there is", "日本", 5, "日本"},
		{"empty", "", 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Mask(c.in, c.keep)
			if got != c.want {
				note := ""
				if g, w := strings.Count(got, "*"), strings.Count(c.want, "*"); g != w {
					note = fmt.Sprintf(" (%d '*', want %d: one '*' per hidden rune)", g, w)
				}
				t.Errorf("Mask(%q, %d) = %q, want %q%s", c.in, c.keep, got, c.want, note)
			}
		})
	}
}
