package errs

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ANCHOR: must
// A pattern written in the source is part of the program: if it does not
// compile, the program is wrong, and failing at start-up is right.
var slugPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// ANCHOR_END: must

// ANCHOR: parse
var ErrBadSize = errors.New("bad page size")

// parsePageSize parses a page size that a client sent, such as "?size=50":
// bad input is an error for the caller to handle, never a panic.
func parsePageSize(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%w: %q is not a number", ErrBadSize, s)
	}
	if n < 1 || n > 100 {
		return 0, fmt.Errorf("%w: %d is not between 1 and 100", ErrBadSize, n)
	}
	return n, nil
}

func Example_parse() {
	for _, in := range []string{"50", "fifty", "500"} {
		n, err := parsePageSize(in)
		fmt.Println(n, err)
	}
	fmt.Println(slugPattern.MatchString("hello-world"))
	// Output:
	// 50 <nil>
	// 0 bad page size: "fifty" is not a number
	// 0 bad page size: 500 is not between 1 and 100
	// true
}

// ANCHOR_END: parse
