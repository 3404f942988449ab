package types

import "fmt"

// ANCHOR: stringer
// Level is the severity of a log line.
type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

// String makes Level a fmt.Stringer: fmt prints "WARN", not 2.
func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Error:
		return "ERROR"
	}
	// %d prints the number. %v or %s would call String again, forever.
	return fmt.Sprintf("Level(%d)", int(l))
}

func ExampleLevel() {
	fmt.Println(Warn, Level(9))
	fmt.Printf("level=%v %s %d\n", Info, Error, Error)
	fmt.Println([]Level{Debug, Info})
	// Output:
	// WARN Level(9)
	// level=INFO ERROR 3
	// [DEBUG INFO]
}

// ANCHOR_END: stringer
