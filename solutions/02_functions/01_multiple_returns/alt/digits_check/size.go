// Alternative: finds the x with strings.IndexByte and accepts only digit
// characters (checked by a helper) before converting, with named results.
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
func ParseSize(s string) (w, h int, err error) {
	i := strings.IndexByte(s, 'x')
	if i < 0 {
		return 0, 0, fmt.Errorf("size %q: no x", s)
	}
	if w, err = check(s[:i]); err != nil {
		return 0, 0, fmt.Errorf("size %q: width: %w", s, err)
	}
	if h, err = check(s[i+1:]); err != nil {
		return 0, 0, fmt.Errorf("size %q: height: %w", s, err)
	}
	return w, h, nil
}

// check converts text made only of digits into a positive number.
func check(text string) (int, error) {
	if text == "" {
		return 0, fmt.Errorf("empty")
	}
	for _, c := range text {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q is not a digit", c)
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, fmt.Errorf("must be positive")
	}
	return n, nil
}
