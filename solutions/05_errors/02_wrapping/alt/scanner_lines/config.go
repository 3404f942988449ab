// Alternative: reads the lines with a bufio.Scanner and its own line
// counter instead of strings.Split and the range index.
package config

import (
	"bufio"
	"bytes"
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
	cfg := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	lineNo := 0
	for sc.Scan() {
		lineNo++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.IndexByte(line, '=')
		if i < 0 || strings.TrimSpace(line[:i]) == "" {
			return nil, fmt.Errorf("load config %q: line %d: %w", path, lineNo, ErrSyntax)
		}
		cfg[strings.TrimSpace(line[:i])] = strings.TrimSpace(line[i+1:])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load config %q: %w", path, err)
	}
	return cfg, nil
}
