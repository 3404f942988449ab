// Wrong: range n - 1 stops one round early (range n already stops before
// n), so the last row is missing.
package table

import "strconv"

// Table returns the n×n multiplication table, one row per line. Row r holds
// r×1, r×2, ..., r×n separated by single spaces, and every row ends with
// "\n" (no space before it):
//
//	Table(3) = "1 2 3\n2 4 6\n3 6 9\n"
//
// Table(0), and Table of a negative number, is "".
func Table(n int) string {
	table := ""
	for i := range n - 1 {
		row := i + 1
		for j := range n {
			if j > 0 {
				table += " "
			}
			table += strconv.Itoa(row * (j + 1))
		}
		table += "\n"
	}
	return table
}
