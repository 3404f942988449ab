package port

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestParsePortValid(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"8080", 8080},
		{"1", 1},
		{"443", 443},
		{"65535", 65535},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, err := ParsePort(c.in)
			if err != nil || got != c.want {
				t.Errorf("ParsePort(%q) = %d, %v; want %d, nil", c.in, got, err, c.want)
			}
		})
	}
}

func TestParsePortErrorsHaveContext(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		cause error
	}{
		{"not a number", "http", strconv.ErrSyntax},
		{"empty", "", strconv.ErrSyntax},
		{"zero", "0", ErrOutOfRange},
		{"negative", "-1", ErrOutOfRange},
		{"too large", "65536", ErrOutOfRange},
		{"far too large", "99999999999999999999", strconv.ErrRange},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParsePort(c.in)
			if err == nil {
				t.Fatalf("ParsePort(%q) = %d, nil; want 0 and an error", c.in, got)
			}
			if got != 0 {
				t.Errorf("ParsePort(%q) returned port %d with an error; want 0 with the error", c.in, got)
			}
			prefix := fmt.Sprintf("port %q: ", c.in)
			if !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("ParsePort(%q) error = %#q; want it to start with %#q", c.in, err, prefix)
			}
			if !errors.Is(err, c.cause) {
				t.Errorf("ParsePort(%q) error = %#q; want it to wrap %#q (use %%w so errors.Is finds it)", c.in, err, c.cause)
			}
		})
	}
}

func TestParsePortPrefixOnce(t *testing.T) {
	_, err := ParsePort("abc")
	if err == nil {
		t.Fatal(`ParsePort("abc") returned a nil error`)
	}
	if n := strings.Count(err.Error(), `port "abc"`); n != 1 {
		t.Errorf("ParsePort(\"abc\") error = %#q; want the prefix `port \"abc\": ` exactly once, got it %d times", err, n)
	}
}
