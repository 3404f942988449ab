// Wrong: tests only the doc comment's example with a one-byte separator, so
// a 0 written as nothing or a separator cut to its first byte passes.
package ids

import "testing"

func TestJoin(t *testing.T) {
	if got := Join([]int64{1, 20, -3}, ","); got != "1,20,-3" {
		t.Errorf("Join([1 20 -3], \",\") = %q, want %q", got, "1,20,-3")
	}
	if got := Join(nil, ","); got != "" {
		t.Errorf("Join(nil) = %q, want \"\"", got)
	}
}

func BenchmarkJoin(b *testing.B) {
	ids := make([]int64, 1000)
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	for b.Loop() {
		Join(ids, ",")
	}
}
