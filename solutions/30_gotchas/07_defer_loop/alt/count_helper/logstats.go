// Moves the work on one file into a count function, whose defer runs once per file.
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
		n, err := count(fsys, name)
		if err != nil {
			return 0, fmt.Errorf("count errors: %w", err)
		}
		total += n
	}
	return total, nil
}

// count counts the error lines of one file, closing it before returning.
func count(fsys fs.FS, name string) (int, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "level=ERROR") {
			n++
		}
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("reading %s: %w", name, err)
	}
	return n, nil
}
