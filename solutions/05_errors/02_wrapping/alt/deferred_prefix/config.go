// Alternative: one deferred function adds the `load config "<path>": `
// prefix to every error (named results), and the line error is made by a
// helper.
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
func LoadConfig(path string) (cfg map[string]string, err error) {
	defer func() {
		if err != nil {
			cfg = nil
			err = fmt.Errorf("load config %q: %w", path, err)
		}
	}()
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cfg = make(map[string]string)
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok || key == "" {
			return nil, check(i + 1)
		}
		cfg[key] = strings.TrimSpace(value)
	}
	return cfg, nil
}

// check returns the error for a malformed line n.
func check(n int) error {
	return fmt.Errorf("line %d: %w", n, ErrSyntax)
}
