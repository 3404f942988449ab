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
	total := 0
	for _, name := range names {
		n, err := countFile(fsys, name)
		if err != nil {
			return 0, fmt.Errorf("count errors: %w", err)
		}
		total += n
	}
	return total, nil
}

// countFile counts the error lines of one file. Its defer runs when
// countFile returns, that is once per file, not once for the whole loop.
func countFile(fsys fs.FS, name string) (int, error) {
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
