package perf

import (
	"fmt"
	"slices"
	"testing"
)

// ANCHOR: dedupe
// uniqueIDs returns ids without repeats, in first-seen order.
func uniqueIDs(ids []string) []string {
	var out []string
	for _, id := range ids {
		if !slices.Contains(out, id) { // looks cheap; is a loop over out
			out = append(out, id)
		}
	}
	return out
}

func BenchmarkUniqueIDs(b *testing.B) {
	ids := make([]string, 5000)
	for i := range ids {
		ids[i] = fmt.Sprintf("order-%d", i%4000)
	}
	for b.Loop() {
		uniqueIDs(ids)
	}
}

// ANCHOR_END: dedupe

func TestUniqueIDs(t *testing.T) {
	got := uniqueIDs([]string{"b", "a", "b", "c", "a"})
	if want := []string{"b", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("uniqueIDs = %q, want %q", got, want)
	}
}
