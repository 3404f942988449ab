// Wrong: passes err as an argument of the deferred call; arguments are
// evaluated when the defer statement runs, when err is still nil.
// Exercise: named results and a deferred function that changes them.
// ParsePort already parses, but its errors say nothing about which input
// failed. Give every error the prefix `port "<input>": ` (wrapping the
// original with %w) in ONE place: a deferred function that changes err.
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
	// The deferred function runs after the return statement has set port
	// and err, and before the caller gets them: it may change them.
	defer func(cause error) {
		if cause != nil {
			err = fmt.Errorf("port %q: %w", s, cause)
		}
	}(err)

	port, err = strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	if port < 1 || port > 65535 {
		return 0, ErrOutOfRange
	}
	return port, nil
}
