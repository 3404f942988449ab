// Wrong: returns the numbers it managed to parse together with the error,
// instead of 0, 0.
// Exercise: multiple return values.
// ParseSize turns "800x600" into a width, a height and an error. Make it
// work: on bad input return 0, 0 and a non-nil error. strings.Cut and
// strconv.Atoi, which help, return several values too.
package size

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSize parses a size written as "WIDTHxHEIGHT", for example "800x600":
// two positive whole numbers separated by a lowercase "x", nothing else.
//
// It returns the width, the height and a nil error. When s is not a valid
// size it returns 0, 0 and a non-nil error saying what is wrong.
func ParseSize(s string) (int, int, error) {
	w, h, found := strings.Cut(s, "x")
	if !found {
		return 0, 0, fmt.Errorf("size %q: want WIDTHxHEIGHT", s)
	}
	width, err := strconv.Atoi(w)
	if err != nil {
		return 0, 0, fmt.Errorf("size %q: width: %w", s, err)
	}
	height, err := strconv.Atoi(h)
	if err != nil {
		return width, 0, fmt.Errorf("size %q: height: %w", s, err)
	}
	if width <= 0 || height <= 0 {
		return width, height, fmt.Errorf("size %q: width and height must be positive", s)
	}
	return width, height, nil
}
