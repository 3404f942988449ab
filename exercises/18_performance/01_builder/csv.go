// RenderCSV builds its text with +=, which copies everything written so far
// on every step: thousands of allocations for a thousand rows. Build it in
// one strings.Builder, sized once with Grow, so that a call makes at most 2
// allocations whatever the number of rows.
package export

// RenderCSV returns rows as CSV text: the fields of a row joined by commas,
// every row ended by "\n". (The fields never hold commas, quotes or
// newlines, so nothing needs quoting.)
func RenderCSV(rows [][]string) string {
	out := ""
	for _, row := range rows {
		for i, field := range row {
			if i > 0 {
				out += ","
			}
			out += field
		}
		out += "\n"
	}
	return out
}
