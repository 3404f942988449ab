// Wrong: count := inside the if declares a second count that vanishes at
// the closing brace, so the line always says "auto".
package banner

import "fmt"

// Line returns the line a server logs at start-up, for example
// "api listening on :8080 (workers: 4)".
// An empty name (the zero value of a string) is shown as "server", and
// 0 workers (the zero value of an int) as "auto".
func Line(name string, port, workers int) string {
	label := name
	if name == "" {
		label = "server"
	}
	count := "auto"
	if workers != 0 {
		count := fmt.Sprint(workers)
		_ = count
	}
	return fmt.Sprintf("%s listening on :%d (workers: %s)", label, port, count)
}
