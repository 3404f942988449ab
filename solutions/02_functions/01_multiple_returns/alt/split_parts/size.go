// Alternative: strings.Split must give exactly two parts; both are parsed
// with strconv.Atoi in a loop and the errors made with errors.New.
package size

import (
	"errors"
	"strconv"
	"strings"
)

// ParseSize parses a size written as "WIDTHxHEIGHT", for example "800x600":
// two positive whole numbers separated by a lowercase "x", nothing else.
//
// It returns the width, the height and a nil error. When s is not a valid
// size it returns 0, 0 and a non-nil error saying what is wrong.
func ParseSize(s string) (int, int, error) {
	parts := strings.Split(s, "x")
	if len(parts) != 2 {
		return 0, 0, errors.New("want exactly one x between width and height")
	}
	var nums [2]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return 0, 0, err
		}
		if n <= 0 {
			return 0, 0, errors.New("width and height must be positive")
		}
		nums[i] = n
	}
	return nums[0], nums[1], nil
}
