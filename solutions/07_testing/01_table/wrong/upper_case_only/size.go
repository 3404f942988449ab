// Package size parses human-readable sizes such as "10MB", as they appear
// in configuration files and command-line flags.
package size

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ErrSize is wrapped by every error Parse returns.
var ErrSize = errors.New("invalid size")

// units maps each unit, in upper case, to its number of bytes.
var units = map[string]int64{
	"":   1,
	"B":  1,
	"KB": 1 << 10,
	"MB": 1 << 20,
	"GB": 1 << 30,
}

// Parse parses a size such as "512", "512B", "64KB", "10MB" or "2GB" into a
// number of bytes. The units are powers of 1024 (1KB is 1024 bytes, 1MB is
// 1024 KB, 1GB is 1024 MB) and their case does not matter ("10mb" is
// "10MB"); a number without a unit is bytes. The number is a whole number,
// 0 or more. An empty string, a missing number, a negative number, an
// unknown unit, or a size that does not fit in an int64 is an error that
// wraps ErrSize.
func Parse(s string) (int64, error) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	digits, unit := s[:i], strings.ToUpper(s[i:])
	if digits == "" {
		return 0, fmt.Errorf("%w: %q does not start with a number", ErrSize, s)
	}
	mult, ok := units[unit]
	if !ok {
		return 0, fmt.Errorf("%w: unknown unit %q in %q", ErrSize, s[i:], s)
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%w: %q is too large", ErrSize, s)
	}
	return n * mult, nil
}
