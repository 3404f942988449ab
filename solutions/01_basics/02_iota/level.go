// Package loglevel decides which log messages a service writes.
//
// The four levels below all have the value 0. Use iota so that they count
// up from -1 (Debug = -1, Info = 0, Warn = 1, Error = 2): Info is then the
// zero value of Level, the level you get when none is configured.
// Then write Enabled.
package loglevel

// Level is how important a log message is: the higher, the more important.
type Level int

// The log levels, from least to most important.
const (
	Debug Level = iota - 1
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
