// Alternative: explicit iota expression on every line, and Enabled negates a
// helper that says whether the message is below the configured level.
package loglevel

// Level is how important a log message is: the higher, the more important.
type Level int

// The log levels, from least to most important.
const (
	Debug Level = iota - 1
	Info  Level = iota - 1
	Warn  Level = iota - 1
	Error Level = iota - 1
)

// Enabled reports whether a message of level msg is written by a service
// configured with level configured: only messages at that level or above are.
// For example, a service configured with Warn writes Warn and Error messages.
func Enabled(configured, msg Level) bool {
	return !check(msg, configured)
}

// check reports whether msg is less important than the configured level.
func check(msg, configured Level) bool {
	return msg < configured
}
