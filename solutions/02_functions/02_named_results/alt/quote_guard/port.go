// Alternative: the deferred closure returns early when there is no error and
// quotes with strconv.Quote; the body assigns the results and uses a bare
// return.
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
	defer func() {
		if err == nil {
			return
		}
		port = 0
		err = fmt.Errorf("port "+strconv.Quote(s)+": %w", err)
	}()

	port, err = strconv.Atoi(s)
	if err == nil && (port < 1 || port > 65535) {
		err = ErrOutOfRange
	}
	return
}
