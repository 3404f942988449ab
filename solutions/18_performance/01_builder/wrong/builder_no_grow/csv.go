// Wrong: uses a strings.Builder but never sizes it, so it reallocates (and
// copies) a dozen times as the text grows.
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
