// Returns Entry by value and replaces check with a valid helper returning bool; the error is built by the caller.
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
	entries := make([]Entry, 0, len(lines))
	for i, line := range lines {
		e, err := parseLine(line)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func valid(n, lo, hi int, err error) bool {
	return err == nil && n >= lo && n <= hi
}

func parseLine(line string) (Entry, error) {
	fields := [4]string{}
	rest := line
	for i := range 3 {
		var ok bool
		fields[i], rest, ok = strings.Cut(rest, " ")
		if !ok {
			return Entry{}, fmt.Errorf("%q: %w", line, ErrMalformed)
		}
	}
	fields[3] = rest
	if fields[0] == "" || !strings.HasPrefix(fields[1], "/") {
		return Entry{}, fmt.Errorf("%q: %w", line, ErrMalformed)
	}
	status, err := strconv.Atoi(fields[2])
	if !valid(status, 100, 599, err) {
		return Entry{}, fmt.Errorf("status %d: %w", status, ErrMalformed)
	}
	millis, err := strconv.Atoi(fields[3])
	if !valid(millis, 0, int(^uint(0)>>1), err) {
		return Entry{}, fmt.Errorf("millis %d: %w", millis, ErrMalformed)
	}
	return Entry{Method: fields[0], Path: fields[1], Status: status, Millis: millis}, nil
}
