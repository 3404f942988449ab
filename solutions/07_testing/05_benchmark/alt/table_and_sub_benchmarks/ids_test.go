// A literal table of expected strings, and sub-benchmarks by input size with b.Run.
package ids

import (
	"fmt"
	"math"
	"testing"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name string
		ids  []int64
		sep  string
		want string
	}{
		{"doc example", []int64{1, 20, -3}, ",", "1,20,-3"},
		{"no ids", nil, ",", ""},
		{"one id", []int64{42}, ",", "42"},
		{"zero", []int64{0}, ",", "0"},
		{"zeros", []int64{0, 0}, "-", "0-0"},
		{"negatives", []int64{-1, -200}, " ", "-1 -200"},
		{"extremes", []int64{math.MaxInt64, math.MinInt64}, ";", "9223372036854775807;-9223372036854775808"},
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
