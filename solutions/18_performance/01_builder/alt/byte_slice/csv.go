// Appends to a byte slice made with the exact capacity, then converts it to a string.
package export

// RenderCSV returns rows as CSV text: the fields of a row joined by commas,
// every row ended by "\n". (The fields never hold commas, quotes or
// newlines, so nothing needs quoting.)
func RenderCSV(rows [][]string) string {
	n := 0
	for _, row := range rows {
		if len(row) == 0 {
			n++
			continue
		}
		for _, field := range row {
			n += len(field) + 1
		}
	}
	out := make([]byte, 0, n)
	for _, row := range rows {
		for i, field := range row {
			if i > 0 {
				out = append(out, ',')
			}
			out = append(out, field...)
		}
		out = append(out, '\n')
	}
	return string(out)
}
