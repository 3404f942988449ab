package apis

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ANCHOR: cursor
// A Key is where a page ended: the sort key of its last row. The ID breaks
// ties between rows created at the same instant.
type Key struct {
	Created time.Time
	ID      int64
}

// Encode makes the opaque cursor that clients send back.
func (k Key) Encode() string {
	s := strconv.FormatInt(k.Created.UnixNano(), 10) + "," + strconv.FormatInt(k.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

var ErrBadCursor = errors.New("invalid cursor")

// DecodeKey reads a cursor back, and refuses anything Encode did not make.
func DecodeKey(cursor string) (Key, error) {
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return Key{}, ErrBadCursor
	}
	ns, id, ok := strings.Cut(string(b), ",")
	n, err1 := strconv.ParseInt(ns, 10, 64)
	i, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		return Key{}, ErrBadCursor
	}
	return Key{time.Unix(0, n).UTC(), i}, nil
}

// ANCHOR_END: cursor

func ExampleKey() {
	k := Key{time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), 42}
	c := k.Encode()
	back, err := DecodeKey(c)
	fmt.Println(back == k, err)
	_, err = DecodeKey("3") // a page number is not a cursor
	fmt.Println(err)

	// Output:
	// true <nil>
	// invalid cursor
}
