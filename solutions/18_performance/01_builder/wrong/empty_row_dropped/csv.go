// Wrong: forgets the newline of an empty row: the output has fewer lines than
// rows.
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
	// One pass to measure, so that the Builder allocates exactly once.
	size := 0
	for _, row := range rows {
		for _, field := range row {
			size += len(field) + 1 // the field and its comma or newline
		}
		if len(row) == 0 {
			size++ // an empty row is still a newline
		}
	}
	var b strings.Builder
	b.Grow(size)
	for _, row := range rows {
		for i, field := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(field)
		}
		if len(row) > 0 {
			b.WriteByte('\n')
		}
	}
	return b.String() // no copy: the Builder hands over its bytes
}
