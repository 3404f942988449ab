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
	// TODO: every panic below (and in mustParse) must become an error
	// return.
	spec, ok := strings.CutPrefix(s, "bytes=")
	if !ok {
		panic("not a byte range: " + s)
	}
	first, last, _ := strings.Cut(spec, "-")
	r := Range{Start: mustParse(first), End: mustParse(last)}
	if r.Start > r.End {
		panic(fmt.Sprintf("range %d-%d ends before it starts", r.Start, r.End))
	}
	return r, nil
}

// mustParse parses a decimal number, and panics when s is not one.
func mustParse(s string) int64 {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(err)
	}
	return n
}
