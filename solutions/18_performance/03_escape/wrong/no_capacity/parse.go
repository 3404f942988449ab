// Wrong: starts entries empty without capacity, so append reallocates as the slice grows.
// ParseAll allocates for every line although it only cuts strings and
// reads numbers. `go build -gcflags=-m` shows why: parseLine's *Entry
// "escapes to heap", and so does every number passed to check as an any.
// Return Entry by value and give check an int, so that ParseAll makes one
// allocation (its result) whatever the number of lines.
package accesslog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrMalformed is returned, wrapped, for a line that is not
// "METHOD PATH STATUS MILLIS".
var ErrMalformed = errors.New("malformed log line")

// Entry is one request of an access log.
type Entry struct {
	Method string
	Path   string
	Status int
	Millis int
}

// ParseAll parses lines such as "GET /users/42 200 153".
func ParseAll(lines []string) ([]Entry, error) {
	var entries []Entry
	for i, line := range lines {
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// parseLine returns the Entry itself, not a pointer: the value is copied
// into the caller's slice and nothing needs to outlive the call.
func parseLine(line string) (Entry, error) {
	method, rest, ok1 := strings.Cut(line, " ")
	path, rest, ok2 := strings.Cut(rest, " ")
	statusText, millisText, ok3 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || !ok3 || method == "" || !strings.HasPrefix(path, "/") {
		return Entry{}, fmt.Errorf("%q: %w", line, ErrMalformed)
	}
	status, err1 := strconv.Atoi(statusText)
	millis, err2 := strconv.Atoi(millisText)
	if err := check("status", status, err1 == nil && status >= 100 && status <= 599); err != nil {
		return Entry{}, err
	}
	if err := check("millis", millis, err2 == nil && millis >= 0); err != nil {
		return Entry{}, err
	}
	return Entry{Method: method, Path: path, Status: status, Millis: millis}, nil
}

// check returns an error naming the field and its value when ok is false.
// value is an int, not an any: converting it to an interface (to format
// it) now happens only on the error path, so a valid line costs nothing.
func check(field string, value int, ok bool) error {
	if !ok {
		return fmt.Errorf("%s %d: %w", field, value, ErrMalformed)
	}
	return nil
}
