// Alternative: a strings.Builder written with fmt.Fprint, the separator
// chosen before each number.
package table

import (
	"fmt"
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
	var b strings.Builder
	for i := range n {
		sep := ""
		for j := range n {
			fmt.Fprint(&b, sep, (i+1)*(j+1))
			sep = " "
		}
		b.WriteByte('\n')
	}
	return b.String()
}
