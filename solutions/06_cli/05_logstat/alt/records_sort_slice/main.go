// Alternative: each line is parsed into a record by a helper named check,
// the groups are a slice of structs sorted with sort.Slice, and the output
// goes through a bufio.Writer only after the input was read.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

type record struct {
	method, path, status string
	ms                   int
}

// check parses one non-blank line.
func check(fields []string) (record, error) {
	if len(fields) != 4 {
		return record{}, fmt.Errorf("want 4 fields, got %d", len(fields))
	}
	if _, err := strconv.Atoi(fields[2]); err != nil {
		return record{}, fmt.Errorf("status %q is not a number", fields[2])
	}
	ms, err := strconv.Atoi(fields[3])
	if err != nil {
		return record{}, fmt.Errorf("duration %q is not a number", fields[3])
	}
	return record{method: fields[0], path: fields[1], status: fields[2], ms: ms}, nil
}

type group struct {
	key   string
	count int
}

// run is the whole program; it returns the exit status.
//
// Input: one request per line, four fields separated by spaces or tabs:
// METHOD PATH STATUS MS, as in "GET /users 200 12" (MS: how long it took,
// in milliseconds). Blank lines are skipped.
//
// Output: one line "COUNT KEY" per group (KEY: the status, path or method,
// as -by says), most requests first; groups with the same count in
// ascending order of KEY. Only requests with MS >= -min-ms are counted;
// -top N prints only the first N groups (0: all of them).
//
// Exit 1, printing nothing on stdout, when a line does not have exactly
// four fields or its STATUS or MS is not a whole number: the message on
// stderr must contain "line N" (N counts every line from 1, blank ones too).
//
// Exit 2, printing nothing on stdout, on a usage error: a -by other than
// status, path or method, or a negative -top or -min-ms (the message on
// stderr names the flag, as in "-top"); any argument after the flags (the
// message contains "usage:"); or a bad flag, which fs.Parse reports itself.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logstat", flag.ContinueOnError)
	fs.SetOutput(stderr)
	by := fs.String("by", "status", "group by `field`: status, path or method")
	top := fs.Int("top", 0, "print only the `N` largest groups (0: all)")
	minMS := fs.Int("min-ms", 0, "count only requests that took at least `MS` milliseconds")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0 // -h: Parse printed the usage, which is what was asked
		}
		return 2 // Parse printed the error and the usage
	}

	var key func(record) string
	switch *by {
	case "status":
		key = func(r record) string { return r.status }
	case "path":
		key = func(r record) string { return r.path }
	case "method":
		key = func(r record) string { return r.method }
	default:
		fmt.Fprintf(stderr, "logstat: -by %q: want status, path or method\n", *by)
		return 2
	}
	if *top < 0 {
		fmt.Fprintln(stderr, "logstat: -top must not be negative")
		return 2
	}
	if *minMS < 0 {
		fmt.Fprintln(stderr, "logstat: -min-ms must not be negative")
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: logstat [-by status|path|method] [-top N] [-min-ms MS] < log")
		return 2
	}

	index := map[string]int{} // key -> position in groups
	var groups []group
	sc := bufio.NewScanner(stdin)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		r, err := check(fields)
		if err != nil {
			fmt.Fprintf(stderr, "logstat: line %d: %v\n", n, err)
			return 1
		}
		if r.ms < *minMS {
			continue
		}
		k := key(r)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, group{key: k})
		}
		groups[i].count++
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(stderr, "logstat:", err)
		return 1
	}

	sort.Slice(groups, func(i, j int) bool {
		if groups[i].count != groups[j].count {
			return groups[i].count > groups[j].count
		}
		return groups[i].key < groups[j].key
	})
	if *top > 0 && len(groups) > *top {
		groups = groups[:*top]
	}
	w := bufio.NewWriter(stdout)
	for _, g := range groups {
		fmt.Fprintf(w, "%d %s\n", g.count, g.key)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, "logstat:", err)
		return 1
	}
	return 0
}
