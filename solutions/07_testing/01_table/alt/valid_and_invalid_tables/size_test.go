// Two tables in two test functions (sizes and errors), parallel subtests, and the wanted bytes written as products.
package size

import (
	"errors"
	"testing"
)

func TestParseValid(t *testing.T) {
	const kb = 1024
	tests := []struct {
		name string
		in   string
		want int64
	}{
		{"no unit is bytes", "100", 100},
		{"B", "100B", 100},
		{"KB", "3KB", 3 * kb},
		{"MB", "5MB", 5 * kb * kb},
		{"GB", "1GB", kb * kb * kb},
		{"kb", "3kb", 3 * kb},
		{"mb", "5mb", 5 * kb * kb},
		{"gb", "1gb", kb * kb * kb},
		{"largest GB that fits", "8589934591GB", 8589934591 * kb * kb * kb},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseInvalid(t *testing.T) {
	for _, in := range []string{"", "MB", "-1", "-5KB", "12XB", "1.5MB", "8589934592GB", "9999999999GB"} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(in)
			if !errors.Is(err, ErrSize) {
				t.Errorf("Parse(%q) = %d, %v; want an error wrapping ErrSize", in, got, err)
			}
		})
	}
}
