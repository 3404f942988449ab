// Alternative: defaults first, then overridden; the count made with strconv.
package banner

import "strconv"

// Line returns the line a server logs at start-up.
func Line(name string, port, workers int) string {
	var label, count = "server", "auto"
	if name != "" {
		label = name
	}
	if workers > 0 {
		count = strconv.Itoa(workers)
	}
	return label + " listening on :" + strconv.Itoa(port) + " (workers: " + count + ")"
}
