package hits

import (
	"maps"
	"testing"
)

func TestTally(t *testing.T) {
	cases := []struct {
		name  string
		paths []string
		want  map[string]int
	}{
		{"one path", []string{"/"}, map[string]int{"/": 1}},
		{"repeats", []string{"/a", "/b", "/a", "/a"}, map[string]int{"/a": 3, "/b": 1}},
		{"empty string is a key too", []string{"", ""}, map[string]int{"": 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Tally(c.paths)
			if !maps.Equal(got, c.want) {
				t.Errorf("Tally(%q) = %v, want %v", c.paths, got, c.want)
			}
		})
	}
}

func TestTallyNeverNil(t *testing.T) {
	for _, paths := range [][]string{nil, {}} {
		got := Tally(paths)
		if got == nil {
			t.Errorf("Tally(%#v) = nil map; want an empty map the caller can write to", paths)
		} else if len(got) != 0 {
			t.Errorf("Tally(%#v) = %v, want an empty map", paths, got)
		}
	}
}

func TestLookup(t *testing.T) {
	counts := map[string]int{"/a": 3, "/zero": 0}
	cases := []struct {
		name   string
		counts map[string]int
		path   string
		n      int
		ok     bool
	}{
		{"present", counts, "/a", 3, true},
		{"present with count 0", counts, "/zero", 0, true},
		{"absent", counts, "/missing", 0, false},
		{"nil map", nil, "/a", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, ok := Lookup(c.counts, c.path)
			if n != c.n || ok != c.ok {
				t.Errorf("Lookup(%v, %q) = %d, %t; want %d, %t", c.counts, c.path, n, ok, c.n, c.ok)
			}
		})
	}
}

func TestForget(t *testing.T) {
	cases := []struct {
		name   string
		counts map[string]int
		path   string
		want   bool
		after  map[string]int
	}{
		{"present", map[string]int{"/a": 3, "/b": 1}, "/a", true, map[string]int{"/b": 1}},
		{"present with count 0", map[string]int{"/zero": 0}, "/zero", true, map[string]int{}},
		{"absent", map[string]int{"/a": 3}, "/missing", false, map[string]int{"/a": 3}},
		{"empty map", map[string]int{}, "/a", false, map[string]int{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := maps.Clone(c.counts)
			got := Forget(c.counts, c.path)
			if got != c.want {
				t.Errorf("Forget(%v, %q) = %t, want %t", before, c.path, got, c.want)
			}
			if !maps.Equal(c.counts, c.after) {
				t.Errorf("after Forget(%v, %q) the map is %v, want %v (use delete to remove a key)", before, c.path, c.counts, c.after)
			}
		})
	}
	t.Run("nil map", func(t *testing.T) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("Forget(nil, %q) panicked: %v; deleting from a nil map is allowed and does nothing", "/a", r)
			}
		}()
		if got := Forget(nil, "/a"); got {
			t.Errorf("Forget(nil, %q) = true, want false", "/a")
		}
	})
}
