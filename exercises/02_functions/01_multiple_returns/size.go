// Exercise: multiple return values.
// ParseSize turns "800x600" into a width, a height and an error. Make it
// work: on bad input return 0, 0 and a non-nil error. strings.Cut and
// strconv.Atoi, which help, return several values too.
package size

// ParseSize parses a size written as "WIDTHxHEIGHT", for example "800x600":
// two positive whole numbers separated by a lowercase "x", nothing else.
//
// It returns the width, the height and a nil error. When s is not a valid
// size it returns 0, 0 and a non-nil error saying what is wrong.
func ParseSize(s string) (int, int, error) {
	// TODO: split s at "x", convert both halves, check they are positive.
	return 0, 0, nil
}
