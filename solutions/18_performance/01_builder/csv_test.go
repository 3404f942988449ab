package export

import (
	"fmt"
	"strings"
	"testing"
)

func TestRenderCSV(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"no rows", nil, ""},
		{"one field", [][]string{{"a"}}, "a\n"},
		{"two rows", [][]string{{"id", "name"}, {"1", "Ada"}}, "id,name\n1,Ada\n"},
		{"empty fields", [][]string{{"", "x", ""}}, ",x,\n"},
		{"an empty row", [][]string{{"a"}, {}, {"b"}}, "a\n\nb\n"},
		{"unicode", [][]string{{"Zoë", "東京", "🙂"}}, "Zoë,東京,🙂\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RenderCSV(tc.rows); got != tc.want {
				t.Errorf("RenderCSV(%q) = %q, want %q", tc.rows, got, tc.want)
			}
		})
	}
}

// testTable makes n rows of four fields.
func testTable(n int) [][]string {
	rows := make([][]string, n)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(i + 1), "Ada Lovelace", "ada@example.org", fmt.Sprint(i * 37)}
	}
	return rows
}

func TestRenderCSVAllocations(t *testing.T) {
	const budget = 2
	for _, n := range []int{500, 5000} {
		rows := testTable(n)
		want := RenderCSV(rows)
		if lines := strings.Count(want, "\n"); lines != n {
			t.Fatalf("RenderCSV(%d rows) has %d lines", n, lines)
		}
		allocs := testing.AllocsPerRun(3, func() { RenderCSV(rows) })
		switch {
		case allocs <= budget:
			continue
		case allocs >= float64(n):
			t.Fatalf("RenderCSV(%d rows) makes %.0f allocations per call, budget %d: something allocates for every row or field. out += s makes a new string and copies everything so far into it, strings.Join makes a new string, fmt boxes its arguments; write every piece straight into one strings.Builder", n, allocs, budget)
		default:
			t.Fatalf("RenderCSV(%d rows) makes %.0f allocations per call, budget %d: the strings.Builder reallocates as the text grows. Add up the length first and call b.Grow(length) once", n, allocs, budget)
		}
	}
}
