// Alternative: helpers with generic names turn each zero value into its
// default, and the line is built by concatenation.
package banner

import "strconv"

// Line returns the line a server logs at start-up, for example
// "api listening on :8080 (workers: 4)".
// An empty name (the zero value of a string) is shown as "server", and
// 0 workers (the zero value of an int) as "auto".
func Line(name string, port, workers int) string {
	return label(name) + " listening on :" + strconv.Itoa(port) + " (workers: " + show(workers) + ")"
}

func label(name string) string {
	if name != "" {
		return name
	}
	return "server"
}

func show(n int) string {
	if n == 0 {
		return "auto"
	}
	return strconv.Itoa(n)
}
