// Write a fuzz test: for any key and count, Decode(Encode(c)) must give c
// back, and the token must be URL-safe. Plain `go test` runs only your
// seeds (f.Add), so seed the edges; `go test -fuzz=FuzzRoundTrip` then
// searches for more. Your tests must fail on hidden broken versions.
package cursor

import (
	"errors"
	"math"
	"testing"
)

// urlSafe reports whether s holds only the characters Encode promises.
func urlSafe(s string) bool {
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_':
		default:
			return false
		}
	}
	return true
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("item-42", 10)
	f.Add("", 0)                     // the zero Cursor
	f.Add("a:b:c", 3)                // the separator inside the key
	f.Add("héllo, 世界", 7)            // non-ASCII
	f.Add("with space/and+plus", -1) // a negative count
	f.Add("\xff\xfe", math.MinInt)   // not even UTF-8; the smallest int
	f.Add("max", math.MaxInt)
	f.Fuzz(func(t *testing.T, key string, seen int) {
		c := Cursor{LastKey: key, Seen: seen}
		token := Encode(c)
		if !urlSafe(token) {
			t.Errorf("Encode(%+v) = %q, which is not URL-safe", c, token)
		}
		got, err := Decode(token)
		if err != nil {
			t.Fatalf("Decode(Encode(%+v)) failed: %v", c, err)
		}
		if got != c {
			t.Errorf("Decode(Encode(%+v)) = %+v, want the same cursor back", c, got)
		}
	})
}

func FuzzDecodeGarbage(f *testing.F) {
	f.Add("")
	f.Add("not a token!")
	f.Add("YWJj")           // "abc": no separator
	f.Add("eDp5")           // "x:y": the count is not a number
	f.Add("MTA6aXRlbS00Mg") // a real token
	f.Fuzz(func(t *testing.T, token string) {
		// Must not panic; an error must wrap ErrInvalid.
		if _, err := Decode(token); err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("Decode(%q) error %v does not wrap ErrInvalid", token, err)
		}
	})
}

func TestDecodeRejectsGarbage(t *testing.T) {
	for _, token := range []string{"not a token!", "YWJj", "eDp5", "MTA6aXRlbS00Mg=="} {
		if c, err := Decode(token); !errors.Is(err, ErrInvalid) {
			t.Errorf("Decode(%q) = %+v, %v; want an error wrapping ErrInvalid", token, c, err)
		}
	}
}
