// Alternative: mustParse becomes check, which returns an error; both
// numbers are parsed before either error is looked at, then combined with
// errors.Join under ErrInvalidRange.
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
	spec, ok := strings.CutPrefix(s, "bytes=")
	if !ok {
		return Range{}, fmt.Errorf("%w: %q is not a byte range", ErrInvalidRange, s)
	}
	first, last, ok := strings.Cut(spec, "-")
	if !ok {
		return Range{}, fmt.Errorf("%w: %q has no -", ErrInvalidRange, s)
	}
	start, err1 := check(first)
	end, err2 := check(last)
	if err := errors.Join(err1, err2); err != nil {
		return Range{}, fmt.Errorf("%w: %w", ErrInvalidRange, err)
	}
	if start > end {
		return Range{}, fmt.Errorf("%w: %d-%d ends before it starts", ErrInvalidRange, start, end)
	}
	return Range{Start: start, End: end}, nil
}

// check parses a decimal number.
func check(s string) (int64, error) {
	return strconv.ParseInt(s, 10, 64)
}
