// The property lives in a helper named check, used by the fuzz target and by a table of named edge cases run with t.Run.
package cursor

import (
	"math"
	"testing"
)

func check(t *testing.T, c Cursor) {
	t.Helper()
	token := Encode(c)
	for i, r := range token {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
		if !ok {
			t.Errorf("Encode(%+v) = %q: character %q at %d is not URL-safe", c, token, r, i)
		}
	}
	got, err := Decode(token)
	if err != nil {
		t.Fatalf("Decode(Encode(%+v)) failed: %v", c, err)
	}
	if got != c {
		t.Errorf("Decode(Encode(%+v)) = %+v", c, got)
	}
}

func TestEdges(t *testing.T) {
	tests := []struct {
		name string
		c    Cursor
	}{
		{"zero cursor", Cursor{}},
		{"empty key", Cursor{Seen: 5}},
		{"colon in key", Cursor{LastKey: "2024:01:01", Seen: 1}},
		{"negative count", Cursor{LastKey: "k", Seen: -3}},
		{"largest int", Cursor{LastKey: "z", Seen: math.MaxInt}},
		{"smallest int", Cursor{LastKey: "a", Seen: math.MinInt}},
		{"bytes that encode to + and /", Cursor{LastKey: "\xfb\xff\xbf>?", Seen: 62}},
		{"unicode", Cursor{LastKey: "日本語", Seen: 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { check(t, tt.c) })
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("", 0)
	f.Add("x:y", -1)
	f.Fuzz(func(t *testing.T, key string, seen int) {
		check(t, Cursor{LastKey: key, Seen: seen})
	})
}
