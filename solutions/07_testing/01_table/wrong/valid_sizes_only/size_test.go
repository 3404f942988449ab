// Wrong: the table has only sizes that parse; no error case, so a Parse that
// accepts "-5KB" or wraps around on "9999999999GB" passes.
package size

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int64
	}{
		{"bytes", "512", 512},
		{"B", "512B", 512},
		{"KB", "64KB", 64 << 10},
		{"MB", "10MB", 10 << 20},
		{"GB", "2GB", 2 << 30},
		{"mb", "10mb", 10 << 20},
		{"kb", "1kb", 1 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := Parse(tt.in); err != nil || got != tt.want {
				t.Errorf("Parse(%q) = %d, %v; want %d, nil", tt.in, got, err, tt.want)
			}
		})
	}
}
