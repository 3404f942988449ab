// Compares Join with an oracle built from strconv.FormatInt and strings.Join, over generated inputs; one plain benchmark.
package ids

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func oracle(ids []int64, sep string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, sep)
}

func TestJoinMatchesOracle(t *testing.T) {
	inputs := [][]int64{
		nil,
		{},
		{0},
		{7},
		{-7},
		{1, 20, -3},
		{0, 0, 0},
		{math.MaxInt64, math.MinInt64},
		{123456789, -987654321, 100000000000},
	}
	for _, sep := range []string{",", ", ", "", " | ", "→"} {
		for _, ids := range inputs {
			if got, want := Join(ids, sep), oracle(ids, sep); got != want {
				t.Errorf("Join(%v, %q) = %q, want %q", ids, sep, got, want)
			}
		}
	}
}

func BenchmarkJoin(b *testing.B) {
	ids := make([]int64, 1000)
	for i := range ids {
		ids[i] = int64(i*7919 - 500000)
	}
	b.ReportAllocs()
	for b.Loop() {
		Join(ids, ",")
	}
}
