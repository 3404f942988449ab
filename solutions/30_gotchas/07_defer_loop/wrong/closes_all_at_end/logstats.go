// Wrong: keeps every opened file in a slice and closes them all at the end: they are still all open at once.
// Exercise: defer in a loop.
// On a server with many log files, CountErrors fails with "too many open
// files": every file it opens stays open until it returns. Make each file
// close as soon as CountErrors is done with it, on every path.
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
	var open []fs.File
	defer func() {
		for _, f := range open {
			f.Close()
		}
	}()
	total := 0
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return 0, fmt.Errorf("count errors: %w", err)
		}
		open = append(open, f)
		n, err := countOpen(f, name)
		if err != nil {
			return 0, fmt.Errorf("count errors: %w", err)
		}
		total += n
	}
	return total, nil
}

// countOpen counts the error lines of an open file.
func countOpen(f fs.File, name string) (int, error) {
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
