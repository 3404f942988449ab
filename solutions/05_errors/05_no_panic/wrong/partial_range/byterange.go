// Wrong: returns the half-parsed Range along with the error.
// Exercise: return an error instead of panicking.
//
// ParseRange parses a header that a client sends, and panics on bad input:
// one malformed request would crash the handler that called it. Make it
// return an error wrapping ErrInvalidRange instead, and never panic.
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
		return Range{}, fmt.Errorf("%w: %q does not start with bytes=", ErrInvalidRange, s)
	}
	first, last, ok := strings.Cut(spec, "-")
	if !ok {
		return Range{}, fmt.Errorf("%w: %q has no '-'", ErrInvalidRange, s)
	}
	start, err := strconv.ParseInt(first, 10, 64)
	if err != nil {
		return Range{}, fmt.Errorf("%w: %q: start: %w", ErrInvalidRange, s, err)
	}
	end, err := strconv.ParseInt(last, 10, 64)
	if err != nil {
		return Range{}, fmt.Errorf("%w: %q: end: %w", ErrInvalidRange, s, err)
	}
	if start > end {
		return Range{Start: start, End: end}, fmt.Errorf("%w: %q ends before it starts", ErrInvalidRange, s)
	}
	return Range{Start: start, End: end}, nil
}
