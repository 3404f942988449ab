// Alternative: strings.Split must give exactly two numbers, which a loop
// parses; every error is made in one place by a helper.
package byterange

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalidRange is wrapped by every error ParseRange returns.
var ErrInvalidRange = errors.New("invalid byte range")

// Range is a span of bytes, Start and End both included, as in the HTTP
// header "Range: bytes=0-499" (the first 500 bytes).
type Range struct {
	Start, End int64
}

// ParseRange parses "bytes=START-END", where START and END are decimal
// numbers and START <= END: "bytes=0-499" is Range{Start: 0, End: 499}.
// For any other input it returns Range{} and an error for which
// errors.Is(err, ErrInvalidRange) is true.
func ParseRange(s string) (Range, error) {
	if !strings.HasPrefix(s, "bytes=") {
		return Range{}, invalid(s, "no bytes= prefix")
	}
	parts := strings.Split(s[len("bytes="):], "-")
	if len(parts) != 2 {
		return Range{}, invalid(s, "want START-END")
	}
	var nums [2]int64
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return Range{}, invalid(s, err.Error())
		}
		nums[i] = n
	}
	if nums[0] > nums[1] {
		return Range{}, invalid(s, "ends before it starts")
	}
	return Range{Start: nums[0], End: nums[1]}, nil
}

func invalid(s, why string) error {
	return fmt.Errorf("%w %q: %s", ErrInvalidRange, s, why)
}
