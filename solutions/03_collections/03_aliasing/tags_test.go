package tags

import (
	"fmt"
	"slices"
	"testing"
)

// testWithRoom returns a slice holding elems with spare capacity after them,
// the situation in which append reuses the array.
func testWithRoom(elems ...string) []string {
	s := make([]string, len(elems), len(elems)+10)
	copy(s, elems)
	return s
}

// testShareArray reports whether a and b use an element of the same array,
// anywhere up to their capacities.
func testShareArray(a, b []string) bool {
	a, b = a[:cap(a)], b[:cap(b)]
	for i := range a {
		for j := range b {
			if &a[i] == &b[j] {
				return true
			}
		}
	}
	return false
}

func TestWith(t *testing.T) {
	cases := []struct {
		name string
		list []string
		tag  string
		want []string
	}{
		{"nil list", nil, "new", []string{"new"}},
		{"one", []string{"a"}, "b", []string{"a", "b"}},
		{"several", []string{"go", "http"}, "json", []string{"go", "http", "json"}},
		{"with spare capacity", testWithRoom("go", "http"), "json", []string{"go", "http", "json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := With(c.list, c.tag); !slices.Equal(got, c.want) {
				t.Errorf("With(%q, %q) = %q, want %q", c.list, c.tag, got, c.want)
			}
		})
	}
}

func TestWithTwiceFromSameList(t *testing.T) {
	base := testWithRoom("go", "http")
	a := With(base, "json")
	b := With(base, "sql")
	if !slices.Equal(a, []string{"go", "http", "json"}) {
		const did = `base := %q (len 2, cap 12); a := With(base, "json"); b := With(base, "sql"); now a = %q, want ["go" "http" "json"]`
		if testShareArray(a, b) && slices.Equal(a, b) {
			t.Errorf(did+" (a and b share an array: the second call overwrote the first)", base, a)
		} else {
			t.Errorf(did, base, a)
		}
	}
	if !slices.Equal(b, []string{"go", "http", "sql"}) {
		t.Errorf(`With(base, "sql") = %q, want ["go" "http" "sql"]`, b)
	}
}

func TestWithResultIsIndependent(t *testing.T) {
	for _, list := range [][]string{{"go", "http"}, testWithRoom("go", "http")} {
		t.Run(fmt.Sprintf("cap %d", cap(list)), func(t *testing.T) {
			got := With(list, "json")
			if len(got) != 3 {
				t.Fatalf("With(%q, %q) = %q, want 3 elements", list, "json", got)
			}
			got[0] = "CHANGED"
			if list[0] != "go" {
				t.Errorf("after got := With(list, \"json\"); got[0] = \"CHANGED\": list = %q; the result must not share memory with list", list)
			}
			list[1] = "EDITED"
			if got[1] != "http" {
				t.Errorf("after list[1] = \"EDITED\", the earlier result of With changed to %q; the result must not share memory with list", got)
			}
		})
	}
}

func TestWithout(t *testing.T) {
	cases := []struct {
		name string
		list []string
		tag  string
		want []string
	}{
		{"nil list", nil, "x", nil},
		{"not present", []string{"a", "b"}, "x", []string{"a", "b"}},
		{"first", []string{"a", "b", "c"}, "a", []string{"b", "c"}},
		{"middle", []string{"a", "b", "c"}, "b", []string{"a", "c"}},
		{"last", []string{"a", "b", "c"}, "c", []string{"a", "b"}},
		{"several times", []string{"x", "a", "x", "x", "b", "x"}, "x", []string{"a", "b"}},
		{"all", []string{"x", "x"}, "x", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			list := slices.Clone(c.list)
			got := Without(list, c.tag)
			if !slices.Equal(got, c.want) {
				t.Errorf("Without(%q, %q) = %q, want %q", c.list, c.tag, got, c.want)
			}
			if !slices.Equal(list, c.list) {
				t.Errorf("Without(%q, %q) changed list to %q; it must leave list as it was", c.list, c.tag, list)
			}
		})
	}
}

func TestWithoutResultIsIndependent(t *testing.T) {
	for _, tag := range []string{"http", "none"} {
		t.Run(fmt.Sprintf("removing %q", tag), func(t *testing.T) {
			list := []string{"go", "http", "json"}
			got := Without(list, tag)
			if len(got) == 0 {
				t.Fatalf("Without(%q, %q) = %q, want at least one element", list, tag, got)
			}
			got[0] = "CHANGED"
			if list[0] != "go" {
				t.Errorf("after got := Without(list, %q); got[0] = \"CHANGED\": list = %q; the result must not share memory with list", tag, list)
			}
		})
	}
}
