// Wrong: calls Grow for each row as it goes, so the Builder reallocates row after row.
// RenderCSV builds its text with +=, which copies everything written so far
// on every step: thousands of allocations for a thousand rows. Build it in
// one strings.Builder, sized once with Grow, so that a call makes at most 2
// allocations whatever the number of rows.
package export

import "strings"

// RenderCSV returns rows as CSV text: the fields of a row joined by commas,
// every row ended by "\n". (The fields never hold commas, quotes or
// newlines, so nothing needs quoting.)
func RenderCSV(rows [][]string) string {
	var b strings.Builder
	for _, row := range rows {
		n := 1
		for _, field := range row {
			n += len(field) + 1
		}
		b.Grow(n)
		for i, field := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(field)
		}
		b.WriteByte('\n')
	}
	return b.String() // no copy: the Builder hands over its bytes
}
