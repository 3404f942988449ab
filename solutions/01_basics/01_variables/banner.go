// Package banner builds the line a server logs when it starts.
//
// This file does not compile. Fix the variables one compiler message at a
// time: := declares a new variable, = changes one that already exists, and
// the zero value of a string is "", not nil.
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
		count = fmt.Sprint(workers)
	}
	return fmt.Sprintf("%s listening on :%d (workers: %s)", label, port, count)
}
