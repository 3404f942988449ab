// Alternative: a blank constant takes iota 0, so the levels count from
// iota - 2; Enabled compares the other way round with <=.
package loglevel

// Level is how important a log message is: the higher, the more important.
type Level int

// The log levels, from least to most important.
const (
	_ Level = iota - 2
	Debug
	Info
	Warn
	Error
)

// Enabled reports whether a message of level msg is written by a service
// configured with level configured: only messages at that level or above are.
// For example, a service configured with Warn writes Warn and Error messages.
func Enabled(configured, msg Level) bool {
	return configured <= msg
}
