// Alternative: three-clause loops from 1 to n, each row's cells collected in
// a slice and joined with strings.Join.
package table

import (
	"strconv"
	"strings"
)

// Table returns the n×n multiplication table, one row per line. Row r holds
// r×1, r×2, ..., r×n separated by single spaces, and every row ends with
// "\n" (no space before it):
//
//	Table(3) = "1 2 3\n2 4 6\n3 6 9\n"
//
// Table(0), and Table of a negative number, is "".
func Table(n int) string {
	out := ""
	for r := 1; r <= n; r++ {
		var cells []string
		for c := 1; c <= n; c++ {
			cells = append(cells, strconv.Itoa(r*c))
		}
		out += strings.Join(cells, " ") + "\n"
	}
	return out
}
