// Wrong: every ID in the table is positive, so a Join that drops minus signs
// or writes 0 as nothing passes.
package ids

import (
	"fmt"
	"testing"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name string
		ids  []int64
		sep  string
		want string
	}{
		{"several", []int64{1, 20, 3}, ",", "1,20,3"},
		{"no ids", nil, ",", ""},
		{"one id", []int64{42}, ",", "42"},
		{"long separator", []int64{1, 2, 3}, ", ", "1, 2, 3"},
		{"empty separator", []int64{1, 2, 3}, "", "123"},
		{"non-ASCII separator", []int64{4, 5}, "·", "4·5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Join(tt.ids, tt.sep); got != tt.want {
				t.Errorf("Join(%v, %q) = %q, want %q", tt.ids, tt.sep, got, tt.want)
			}
		})
	}
}

func BenchmarkJoin(b *testing.B) {
	for _, n := range []int{10, 1000} {
		ids := make([]int64, n)
		for i := range ids {
			ids[i] = int64(i) * 1_000_003
		}
		b.Run(fmt.Sprintf("%d ids", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Join(ids, ", ")
			}
		})
	}
}
