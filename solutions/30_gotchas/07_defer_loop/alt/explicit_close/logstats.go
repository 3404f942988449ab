// Closes each file explicitly right after scanning it, before looking at the scan error.
package logstats

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// CountErrors returns how many lines containing "level=ERROR" the files of
// fsys that match pattern (see fs.Glob) hold together. It reads the files
// one after another. If a file cannot be opened or read, it returns an
// error that wraps the cause.
func CountErrors(fsys fs.FS, pattern string) (int, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return 0, fmt.Errorf("count errors: %w", err)
		}

		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "level=ERROR") {
				total++
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("count errors: reading %s: %w", name, err)
		}
	}
	return total, nil
}
