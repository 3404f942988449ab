// Package table builds multiplication tables.
//
// Write Table with two loops of the form for i := range n (new in Go 1.22):
// i takes the values 0, 1, ..., n-1, so mind where the table starts.
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
			if j > 0 {
				table += " "
			}
			table += strconv.Itoa(row * (j + 1))
		}
		table += "\n"
	}
	return table
}
