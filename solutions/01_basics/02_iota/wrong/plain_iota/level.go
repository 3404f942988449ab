// Wrong: plain iota starts at 0, so Debug is the zero value of Level
// instead of Info.
package loglevel

// Level is how important a log message is: the higher, the more important.
type Level int

// The log levels, from least to most important.
const (
	Debug Level = iota
	Info
	Warn
	Error
)

// Enabled reports whether a message of level msg is written by a service
// configured with level configured: only messages at that level or above are.
// For example, a service configured with Warn writes Warn and Error messages.
func Enabled(configured, msg Level) bool {
	return msg >= configured
}
