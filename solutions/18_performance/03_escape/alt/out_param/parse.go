// parseLine fills an Entry the caller owns through a pointer that does not escape, instead of returning a value.
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
	entries := make([]Entry, len(lines))
	for i, line := range lines {
		if err := parseLine(line, &entries[i]); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
	}
	return entries, nil
}

func parseLine(line string, e *Entry) error {
	method, rest, ok1 := strings.Cut(line, " ")
	path, rest, ok2 := strings.Cut(rest, " ")
	statusText, millisText, ok3 := strings.Cut(rest, " ")
	if !ok1 || !ok2 || !ok3 || method == "" || !strings.HasPrefix(path, "/") {
		return fmt.Errorf("%q: %w", line, ErrMalformed)
	}
	status, err := strconv.Atoi(statusText)
	if err != nil || status < 100 || status > 599 {
		return fmt.Errorf("status %s: %w", statusText, ErrMalformed)
	}
	millis, err := strconv.Atoi(millisText)
	if err != nil || millis < 0 {
		return fmt.Errorf("millis %s: %w", millisText, ErrMalformed)
	}
	*e = Entry{Method: method, Path: path, Status: status, Millis: millis}
	return nil
}
