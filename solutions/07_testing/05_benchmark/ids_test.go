// Write a test that Join is correct and a benchmark that measures it with
// b.Loop. Run the benchmark with `go test -bench=. -benchmem` in this
// folder. A fast function that gives wrong answers is worthless: your test
// must fail on hidden "optimised" versions that cut corners.
package ids

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestJoin(t *testing.T) {
	tests := []struct {
		name string
		ids  []int64
		sep  string
		want string
	}{
		{"no ids", nil, ",", ""},
		{"empty slice", []int64{}, ",", ""},
		{"one id", []int64{42}, ",", "42"},
		{"several", []int64{1, 20, 300}, ",", "1,20,300"},
		{"zero", []int64{0}, ",", "0"},
		{"zero among others", []int64{10, 0, 5}, ",", "10,0,5"},
		{"negative", []int64{-3, 7}, ",", "-3,7"},
		{"extremes", []int64{math.MinInt64, math.MaxInt64}, ",", "-9223372036854775808,9223372036854775807"},
		{"long separator", []int64{1, 2, 3}, ", ", "1, 2, 3"},
		{"empty separator", []int64{1, 2, 3}, "", "123"},
		{"unicode separator", []int64{1, 2}, " → ", "1 → 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Join(tt.ids, tt.sep); got != tt.want {
				t.Errorf("Join(%v, %q) = %q, want %q", tt.ids, tt.sep, got, tt.want)
			}
		})
	}
}

// TestJoinMany compares Join with a plainly correct version on many IDs.
func TestJoinMany(t *testing.T) {
	ids := manyIDs()
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	want := strings.Join(parts, ";")
	if got := Join(ids, ";"); got != want {
		t.Errorf("Join(1000 ids, \";\") differs from strings.Join of their decimal forms:\n got %.60q…\nwant %.60q…", got, want)
	}
}

func BenchmarkJoin(b *testing.B) {
	ids := manyIDs()
	b.ReportAllocs()
	for b.Loop() {
		Join(ids, ",")
	}
}

// manyIDs returns 1000 IDs of various sizes and signs.
func manyIDs() []int64 {
	ids := make([]int64, 1000)
	for i := range ids {
		ids[i] = int64(i-500) * 7919
	}
	return ids
}
