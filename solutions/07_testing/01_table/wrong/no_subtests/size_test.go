// Wrong: a full table that catches every broken Parse, but its cases run in
// one loop without t.Run, so no case is a subtest of its own (the exercise
// asks for one t.Run per case).
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
		{name: "bare number is bytes", in: "512", want: 512},
		{name: "zero", in: "0", want: 0},
		{name: "bytes", in: "512B", want: 512},
		{name: "kilobytes", in: "2KB", want: 2048},
		{name: "megabytes", in: "1MB", want: 1 << 20},
		{name: "gigabytes", in: "3GB", want: 3 << 30},
		{name: "lower case unit", in: "10mb", want: 10 << 20},
		{name: "mixed case unit", in: "4Kb", want: 4096},
		{name: "largest that fits", in: "8589934591GB", want: 8589934591 << 30},
		{name: "empty", in: "", wantErr: true},
		{name: "unit without number", in: "KB", wantErr: true},
		{name: "negative", in: "-5KB", wantErr: true},
		{name: "negative bytes", in: "-1", wantErr: true},
		{name: "unknown unit", in: "10TB", wantErr: true},
		{name: "space before unit", in: "10 KB", wantErr: true},
		{name: "too large for int64", in: "9999999999GB", wantErr: true},
		{name: "just too large", in: "8589934592GB", wantErr: true},
		{name: "number too large", in: "99999999999999999999", wantErr: true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.wantErr {
			if !errors.Is(err, ErrSize) {
				t.Errorf("%s: Parse(%q) = %d, %v; want an error wrapping ErrSize", tt.name, tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: Parse(%q) = %d, %v; want %d, nil", tt.name, tt.in, got, err, tt.want)
		}
	}
}
