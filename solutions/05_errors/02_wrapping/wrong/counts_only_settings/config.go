// Wrong: numbers only the lines that hold a setting, so skipped blank and
// comment lines are not counted.
// Exercise: wrapping errors with %w.
//
// LoadConfig's errors do not say which file or which line was wrong. Add
// that context with fmt.Errorf, and wrap the cause with %w so that callers
// can still find it with errors.Is.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrSyntax is the cause of every error about a malformed line.
var ErrSyntax = errors.New("syntax error")

// LoadConfig reads a file of "key = value" lines into a map. Blank lines and
// lines starting with # are skipped; spaces around keys and values are
// trimmed.
//
// Every error it returns starts with `load config "<path>": ` (the path
// quoted as %q quotes it) and wraps its cause:
//
//   - when the file cannot be read, the error of os.ReadFile, so that
//     errors.Is(err, fs.ErrNotExist) is true for a missing file:
//     load config "app.conf": open app.conf: no such file or directory
//   - when a line has no "=" or an empty key, ErrSyntax, after the number
//     of the line (the first line of the file is line 1):
//     load config "app.conf": line 3: syntax error
func LoadConfig(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load config %q: %w", path, err)
	}
	cfg := make(map[string]string)
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n++
		key, value, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, fmt.Errorf("load config %q: line %d: %w", path, n, ErrSyntax)
		}
		cfg[key] = strings.TrimSpace(value)
	}
	return cfg, nil
}
