// Alternative: cmp.Or picks the first non-zero value, so no if is needed for
// the name; the count is chosen with a switch.
package banner

import (
	"cmp"
	"fmt"
)

// Line returns the line a server logs at start-up, for example
// "api listening on :8080 (workers: 4)".
// An empty name (the zero value of a string) is shown as "server", and
// 0 workers (the zero value of an int) as "auto".
func Line(name string, port, workers int) string {
	label := cmp.Or(name, "server")
	var count string
	switch workers {
	case 0:
		count = "auto"
	default:
		count = fmt.Sprintf("%d", workers)
	}
	return fmt.Sprintf("%s listening on :%d (workers: %s)", label, port, count)
}
