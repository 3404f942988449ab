package collect

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

type testCelsius float64

type testPoint struct {
	X int
	Y int
}

// testNoPanic runs f and turns a panic into a test failure that says what
// panicked, instead of crashing every test.
func testNoPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s panicked: %v", what, r)
		}
	}()
	f()
}

func TestMax(t *testing.T) {
	if got, ok := Max([]int{3, 9, 2}); got != 9 || !ok {
		t.Errorf("Max([]int{3, 9, 2}) = (%v, %v), want (9, true)", got, ok)
	}
	if got, ok := Max([]int{-8, -3, -5}); got != -3 || !ok {
		t.Errorf("Max([]int{-8, -3, -5}) = (%v, %v), want (-3, true)", got, ok)
	}
	if got, ok := Max([]int{7}); got != 7 || !ok {
		t.Errorf("Max([]int{7}) = (%v, %v), want (7, true)", got, ok)
	}
	if got, ok := Max([]int{}); got != 0 || ok {
		t.Errorf("Max([]int{}) = (%v, %v), want (0, false)", got, ok)
	}
	if got, ok := Max([]float64{1.5, -2, 1.25}); got != 1.5 || !ok {
		t.Errorf("Max([]float64{1.5, -2, 1.25}) = (%v, %v), want (1.5, true)", got, ok)
	}
	if got, ok := Max([]string{"apple", "pear", "fig"}); got != "pear" || !ok {
		t.Errorf(`Max([]string{"apple", "pear", "fig"}) = (%q, %v), want ("pear", true)`, got, ok)
	}
	if got, ok := Max([]string(nil)); got != "" || ok {
		t.Errorf(`Max([]string(nil)) = (%q, %v), want ("", false)`, got, ok)
	}
	if got, ok := Max([]testCelsius{-12.5, -40, -3.5}); got != -3.5 || !ok {
		t.Errorf("Max([]celsius{-12.5, -40, -3.5}) = (%v, %v), want (-3.5, true)", got, ok)
	}
	if got, ok := Max([]uint8{200, 255, 3}); got != 255 || !ok {
		t.Errorf("Max([]uint8{200, 255, 3}) = (%v, %v), want (255, true)", got, ok)
	}
}

func TestFilter(t *testing.T) {
	nums := []int{1, 2, 3, 4, 5, 6}
	before := slices.Clone(nums)
	even := Filter(nums, func(n int) bool { return n%2 == 0 })
	if want := []int{2, 4, 6}; !slices.Equal(even, want) {
		t.Errorf("Filter(%v, isEven) = %v, want %v", before, even, want)
	}
	if !slices.Equal(nums, before) {
		t.Errorf("Filter(%v, isEven) changed its input to %v; it must return a new slice", before, nums)
	}

	words := []string{"go", "", "rust", " ", "zig"}
	nonBlank := Filter(words, func(s string) bool { return strings.TrimSpace(s) != "" })
	if want := []string{"go", "rust", "zig"}; !slices.Equal(nonBlank, want) {
		t.Errorf("Filter(%q, nonBlank) = %q, want %q", words, nonBlank, want)
	}

	pts := []testPoint{{0, 0}, {1, 2}, {3, 0}}
	onAxis := Filter(pts, func(p testPoint) bool { return p.Y == 0 })
	if want := []testPoint{{0, 0}, {3, 0}}; !slices.Equal(onAxis, want) {
		t.Errorf("Filter(%v, onXAxis) = %v, want %v", pts, onAxis, want)
	}

	if got := Filter([]int(nil), func(int) bool { return true }); len(got) != 0 {
		t.Errorf("Filter(nil, keepAll) = %v, want an empty result", got)
	}
	if got := Filter(nums, func(int) bool { return false }); len(got) != 0 {
		t.Errorf("Filter(%v, keepNone) = %v, want an empty result", nums, got)
	}
}

func TestMap(t *testing.T) {
	nums := []int{1, 22, -3}
	strs := Map(nums, strconv.Itoa)
	if want := []string{"1", "22", "-3"}; !slices.Equal(strs, want) {
		t.Errorf("Map(%v, strconv.Itoa) = %q, want %q", nums, strs, want)
	}

	words := []string{"héllo", "go", ""}
	lens := Map(words, func(s string) int { return len(s) })
	if want := []int{6, 2, 0}; !slices.Equal(lens, want) {
		t.Errorf("Map(%q, length in bytes) = %v, want %v", words, lens, want)
	}

	doubled := Map(nums, func(n int) int { return 2 * n })
	if want := []int{2, 44, -6}; !slices.Equal(doubled, want) {
		t.Errorf("Map(%v, double) = %v, want %v", nums, doubled, want)
	}
	if want := []int{1, 22, -3}; !slices.Equal(nums, want) {
		t.Errorf("Map changed its input to %v, want it left as %v", nums, want)
	}

	if got := Map([]testPoint(nil), func(p testPoint) int { return p.X }); len(got) != 0 {
		t.Errorf("Map(nil, f) = %v, want an empty result", got)
	}
}

func TestSet(t *testing.T) {
	var s Set[string]
	if s.Has("go") || s.Len() != 0 {
		t.Fatalf("a zero Set[string]: Has(%q) = %v, Len() = %d, want false and 0", "go", s.Has("go"), s.Len())
	}
	testNoPanic(t, "Add on a zero Set[string]", func() { s.Add("go") })
	s.Add("rust")
	s.Add("go")
	if s.Len() != 2 {
		t.Errorf(`after Add("go"), Add("rust"), Add("go"): Len() = %d, want 2`, s.Len())
	}
	if !s.Has("go") || !s.Has("rust") || s.Has("zig") {
		t.Errorf(`Has("go"), Has("rust"), Has("zig") = %v, %v, %v, want true, true, false`, s.Has("go"), s.Has("rust"), s.Has("zig"))
	}

	var ids Set[int]
	testNoPanic(t, "Add on a zero Set[int]", func() { ids.Add(7) })
	if !ids.Has(7) || ids.Has(0) || ids.Len() != 1 {
		t.Errorf("Set[int] after Add(7): Has(7) = %v, Has(0) = %v, Len() = %d, want true, false, 1", ids.Has(7), ids.Has(0), ids.Len())
	}

	seen := &Set[testPoint]{}
	seen.Add(testPoint{1, 2})
	seen.Add(testPoint{1, 2})
	seen.Add(testPoint{2, 1})
	if seen.Len() != 2 || !seen.Has(testPoint{2, 1}) || seen.Has(testPoint{0, 0}) {
		t.Errorf("Set[point] after adding {1 2} twice and {2 1}: Len() = %d, Has({2 1}) = %v, Has({0 0}) = %v, want 2, true, false",
			seen.Len(), seen.Has(testPoint{2, 1}), seen.Has(testPoint{0, 0}))
	}
}
