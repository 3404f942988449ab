// Package cursor makes the opaque page tokens of a paginated API: the
// client gets a token with each page and sends it back to get the next.
package cursor

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalid is wrapped by the error Decode returns for a token that
// Encode did not make.
var ErrInvalid = errors.New("invalid cursor")

// A Cursor marks a place in a sorted list: the key of the last item the
// client has seen, and how many items it has seen so far.
type Cursor struct {
	LastKey string
	Seen    int
}

// Encode turns c into a token that is safe to put in a URL as it is: it
// holds only letters, digits, '-' and '_'. Every Cursor can be encoded,
// whatever its LastKey (any string) and Seen (any int).
func Encode(c Cursor) string {
	raw := strconv.Itoa(c.Seen) + ":" + c.LastKey
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// Decode turns a token made by Encode back into the same Cursor. Any other
// string gives an error wrapping ErrInvalid (and never a panic).
func Decode(token string) (Cursor, error) {
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return Cursor{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	seen, key, ok := strings.Cut(string(raw), ":")
	if !ok {
		return Cursor{}, fmt.Errorf("%w: no separator", ErrInvalid)
	}
	n, err := strconv.Atoi(seen)
	if err != nil {
		return Cursor{}, fmt.Errorf("%w: bad count %q", ErrInvalid, seen)
	}
	return Cursor{LastKey: key, Seen: n}, nil
}
