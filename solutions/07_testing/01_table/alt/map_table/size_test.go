// A map of cases keyed by subtest name instead of a slice, with the want error as an error value.
package size

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := map[string]struct {
		in   string
		want int64
		err  error
	}{
		"bare number":          {"512", 512, nil},
		"zero":                 {"0", 0, nil},
		"bytes":                {"512B", 512, nil},
		"kilobytes":            {"64KB", 64 << 10, nil},
		"megabytes":            {"10MB", 10 << 20, nil},
		"gigabytes":            {"2GB", 2 << 30, nil},
		"lower-case kilobytes": {"64kb", 64 << 10, nil},
		"lower-case megabytes": {"10mb", 10 << 20, nil},
		"mixed-case gigabytes": {"2Gb", 2 << 30, nil},
		"lower-case bytes":     {"7b", 7, nil},
		"empty":                {"", 0, ErrSize},
		"no number":            {"KB", 0, ErrSize},
		"negative":             {"-5KB", 0, ErrSize},
		"unknown unit":         {"5TB", 0, ErrSize},
		"too large for int64":  {"9999999999GB", 0, ErrSize},
		"digits overflow":      {"99999999999999999999", 0, ErrSize},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if !errors.Is(err, tc.err) || (tc.err == nil && err != nil) {
				t.Fatalf("Parse(%q) error = %v, want %v", tc.in, err, tc.err)
			}
			if got != tc.want {
				t.Errorf("Parse(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}
