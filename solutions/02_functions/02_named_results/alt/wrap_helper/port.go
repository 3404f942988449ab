// Alternative: the deferred call is a named helper that receives a pointer
// to err, and the range check is written as a switch.
package port

import (
	"errors"
	"fmt"
	"strconv"
)

// ErrOutOfRange is returned (wrapped) for numbers outside 1..65535.
var ErrOutOfRange = errors.New("out of range 1..65535")

// ParsePort parses a TCP port number such as "8080".
//
// On success it returns the port and a nil error. On failure it returns
// 0 and an error whose text starts with `port "<s>": ` (s quoted as %q
// quotes it) and which wraps the cause, so errors.Is still finds
// ErrOutOfRange or strconv.ErrSyntax.
func ParsePort(s string) (port int, err error) {
	defer check(s, &err)

	port, err = strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, err
	case port < 1, port > 65535:
		return 0, ErrOutOfRange
	}
	return port, nil
}

// check adds the input to *err when there is an error.
func check(s string, err *error) {
	if *err != nil {
		*err = fmt.Errorf("port %q: %w", s, *err)
	}
}
