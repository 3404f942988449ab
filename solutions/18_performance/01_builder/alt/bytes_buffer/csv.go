// Writes into a bytes.Buffer grown once instead of a strings.Builder.
package export

import "bytes"

// RenderCSV returns rows as CSV text: the fields of a row joined by commas,
// every row ended by "\n". (The fields never hold commas, quotes or
// newlines, so nothing needs quoting.)
func RenderCSV(rows [][]string) string {
	size := 0
	for _, row := range rows {
		size++ // the newline, or a comma before every field but the first
		for _, field := range row {
			size += len(field) + 1
		}
	}
	var buf bytes.Buffer
	buf.Grow(size)
	for _, row := range rows {
		for i, field := range row {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteString(field)
		}
		buf.WriteByte('\n')
	}
	return buf.String()
}
