// Wrong: every unit in the table is written in upper case, so a Parse that
// rejects "10mb" passes.
package size

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    int64
		wantErr bool
	}{
		{"bytes", "512", 512, false},
		{"B", "512B", 512, false},
		{"KB", "64KB", 64 << 10, false},
		{"MB", "10MB", 10 << 20, false},
		{"GB", "2GB", 2 << 30, false},
		{"empty", "", 0, true},
		{"negative", "-5KB", 0, true},
		{"unknown unit", "5TB", 0, true},
		{"too large", "9999999999GB", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.wantErr {
				if !errors.Is(err, ErrSize) {
					t.Errorf("Parse(%q) = %d, %v; want an error wrapping ErrSize", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
			}
		})
	}
}
