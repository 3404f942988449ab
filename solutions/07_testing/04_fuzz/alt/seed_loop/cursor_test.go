// Adds the seeds from a slice in a loop and checks URL safety by comparing with url.PathEscape and a character class.
package cursor

import (
	"errors"
	"math"
	"net/url"
	"strings"
	"testing"
)

func FuzzRoundTrip(f *testing.F) {
	for _, c := range []Cursor{
		{},
		{LastKey: "item-42", Seen: 10},
		{LastKey: "a:b:c", Seen: 3},
		{LastKey: ":", Seen: -1},
		{LastKey: "", Seen: 7},
		{LastKey: "ключ/?&=+", Seen: math.MaxInt},
		{LastKey: "\x00\xff", Seen: math.MinInt},
		{LastKey: "~~~>>>???", Seen: -42},
	} {
		f.Add(c.LastKey, c.Seen)
	}
	f.Fuzz(func(t *testing.T, key string, seen int) {
		c := Cursor{LastKey: key, Seen: seen}
		token := Encode(c)
		if url.PathEscape(token) != token || strings.Trim(token, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" {
			t.Errorf("Encode(%+v) = %q, which holds characters other than letters, digits, '-' and '_'", c, token)
		}
		got, err := Decode(token)
		if err != nil || got != c {
			t.Errorf("Decode(Encode(%+v)) = %+v, %v; want the same cursor, nil", c, got, err)
		}
	})
}

func TestDecodeRejectsGarbage(t *testing.T) {
	for _, token := range []string{"!!!", "bm8tc2VwYXJhdG9y", "eDpr"} {
		if _, err := Decode(token); !errors.Is(err, ErrInvalid) {
			t.Errorf("Decode(%q) error = %v, want one wrapping ErrInvalid", token, err)
		}
	}
}
