package byterange

import (
	"errors"
	"testing"
)

func TestParseRange(t *testing.T) {
	cases := []struct {
		in   string
		want Range
	}{
		{"bytes=0-499", Range{0, 499}},
		{"bytes=500-999", Range{500, 999}},
		{"bytes=0-0", Range{0, 0}},
		{"bytes=42-42", Range{42, 42}},
		{"bytes=0-9223372036854775807", Range{0, 9223372036854775807}},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParseRange(c.in)
			if err != nil || got != c.want {
				t.Errorf("ParseRange(%q) = (%+v, %v), want (%+v, nil)", c.in, got, err, c.want)
			}
		})
	}
}

func TestParseRangeInvalid(t *testing.T) {
	inputs := []string{
		"",
		"0-499",
		"items=0-499",
		"bytes=",
		"bytes=5",
		"bytes=-",
		"bytes=-5",
		"bytes=5-",
		"bytes=a-b",
		"bytes=1-x",
		"bytes=9-3",
		"bytes=0-1-2",
		"bytes=0-99999999999999999999",
	}
	for _, in := range inputs {
		t.Run(in, func(t *testing.T) {
			// No recover here on purpose: a panic crashes the test run,
			// as it would crash a program.
			got, err := ParseRange(in)
			if err == nil {
				t.Fatalf("ParseRange(%q) = (%+v, nil), want an error", in, got)
			}
			if !errors.Is(err, ErrInvalidRange) {
				t.Errorf("ParseRange(%q) returned the error %q; want one that errors.Is matches with ErrInvalidRange", in, err)
			}
			if got != (Range{}) {
				t.Errorf("ParseRange(%q) returned %+v with its error, want Range{}", in, got)
			}
		})
	}
}
