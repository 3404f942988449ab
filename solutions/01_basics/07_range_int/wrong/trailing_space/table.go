// Wrong: puts a space after every number, the last one of each row
// included.
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
	for i := range n { // no rounds at all when n <= 0
		row := i + 1
		for j := range n {
			table += strconv.Itoa(row*(j+1)) + " "
		}
		table += "\n"
	}
	return table
}
