package table

import (
	"fmt"
	"strings"
	"testing"
)

// testFirstDifference describes the first line where got and want differ.
func testFirstDifference(got, want string) string {
	g := strings.SplitAfter(got, "\n")
	w := strings.SplitAfter(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d is %q, want %q", i+1, gl, wl)
		}
	}
	return ""
}

func testCheck(t *testing.T, n int, want string) {
	t.Helper()
	got := Table(n)
	if got == want {
		return
	}
	if len(got) <= 50 && len(want) <= 50 {
		t.Errorf("Table(%d) = %q, want %q", n, got, want)
	} else {
		t.Errorf("Table(%d): %s", n, testFirstDifference(got, want))
	}
}

func TestTable(t *testing.T) {
	cases := []struct {
		n    int
		want string
	}{
		{1, "1\n"},
		{2, "1 2\n2 4\n"},
		{3, "1 2 3\n2 4 6\n3 6 9\n"},
		{4, "1 2 3 4\n2 4 6 8\n3 6 9 12\n4 8 12 16\n"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprint(c.n), func(t *testing.T) {
			testCheck(t, c.n, c.want)
		})
	}
}

func TestTableEmpty(t *testing.T) {
	for _, n := range []int{0, -1, -5} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			testCheck(t, n, "")
		})
	}
}

func TestTableLarge(t *testing.T) {
	// Table(12), built another way: each row from its numbers.
	want := ""
	for r := 1; r <= 12; r++ {
		var row []string
		for c := 1; c <= 12; c++ {
			row = append(row, fmt.Sprint(r*c))
		}
		want += strings.Join(row, " ") + "\n"
	}
	testCheck(t, 12, want)
}
