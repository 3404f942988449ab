package metrics

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// testDecimal writes f without an exponent: 1000000000.5, not 1.0000000005e+09.
func testDecimal(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func TestAverageMs(t *testing.T) {
	cases := []struct {
		name         string
		total, count int
		want         float64
	}{
		{"half", 7, 2, 3.5},
		{"quarter", 10, 4, 2.5},
		{"whole", 9, 3, 3},
		{"less than one", 1, 4, 0.25},
		{"a third", 1, 3, 1.0 / 3},
		{"nothing", 0, 5, 0},
		{"one request", 42, 1, 42},
		{"large", 2_000_000_001, 2, 1_000_000_000.5},
	}
	explained := false // explain integer division once, not in every subtest
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := AverageMs(c.total, c.count)
			if math.Abs(got-c.want) > 1e-9 {
				msg := ""
				if got == float64(c.total/c.count) && !explained {
					explained = true
					msg = " (that is the integer division " + strconv.Itoa(c.total) + "/" + strconv.Itoa(c.count) +
						", which drops the fraction: convert to float64 before dividing)"
				}
				t.Errorf("AverageMs(%d, %d) = %s, want %s%s", c.total, c.count, testDecimal(got), testDecimal(c.want), msg)
			}
		})
	}
}

func TestAddr(t *testing.T) {
	cases := []struct {
		name string
		host string
		port int
		want string
	}{
		{"localhost", "localhost", 8080, "localhost:8080"},
		{"ip address", "10.0.0.7", 443, "10.0.0.7:443"},
		{"no host", "", 80, ":80"},
		{"port zero", "db", 0, "db:0"},
		{"largest port", "api", 65535, "api:65535"},
	}
	explained := false
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Addr(c.host, c.port)
			if got != c.want {
				msg := ""
				if got == c.host+":"+string(rune(c.port)) && !explained {
					explained = true
					msg = " (string(rune(n)) is the character with code n, not the digits of n: use strconv.Itoa)"
				}
				t.Errorf("Addr(%q, %d) = %q, want %q%s", c.host, c.port, got, c.want, msg)
			}
		})
	}
}

func TestParseWorkers(t *testing.T) {
	good := []struct {
		in   string
		want int
	}{
		{"8", 8},
		{"1", 1},
		{"0", 0},
		{"128", 128},
		{"-3", -3},
	}
	for _, c := range good {
		t.Run("valid: "+c.in, func(t *testing.T) {
			got, err := ParseWorkers(c.in)
			if err != nil || got != c.want {
				t.Errorf("ParseWorkers(%q) = %d, %v; want %d, nil", c.in, got, err, c.want)
			}
		})
	}
	bad := []struct{ name, in string }{
		{"empty", ""},
		{"word", "eight"},
		{"decimal", "8.5"},
		{"leading space", " 8"},
		{"trailing space", "8 "},
		{"hexadecimal", "0x10"},
		{"exponent", "1e3"},
		{"too large for an int", "99999999999999999999"},
	}
	for _, c := range bad {
		in := c.in
		t.Run("invalid: "+c.name, func(t *testing.T) {
			got, err := ParseWorkers(in)
			if err == nil {
				t.Fatalf("ParseWorkers(%q) = %d, nil; want 0 and the error of strconv.Atoi", in, got)
			}
			var numErr *strconv.NumError
			if !errors.As(err, &numErr) {
				t.Errorf("ParseWorkers(%q) returned the error %q (%T); want the error of strconv.Atoi (a *strconv.NumError)", in, err, err)
			}
			if got != 0 {
				msg := ""
				if got == math.MaxInt && numErr != nil && errors.Is(numErr.Err, strconv.ErrRange) {
					msg = " (on a number too large, strconv.Atoi returns the largest int together with its error)"
				}
				t.Errorf("ParseWorkers(%q) = %d with an error; want 0 with the error%s", in, got, msg)
			}
		})
	}
}
