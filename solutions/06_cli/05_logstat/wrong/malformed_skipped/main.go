// Wrong: skips malformed lines silently, so a broken log gives a
// confident but wrong summary and exit status 0.
package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = "usage: logstat [-by status|path|method] [-top N] [-min-ms MS] < access.log"

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

	// Every usage error is found before any input is read.
	key, ok := keys[*by]
	switch {
	case !ok:
		fmt.Fprintf(stderr, "logstat: -by must be status, path or method, not %q\n", *by)
		return 2
	case *top < 0:
		fmt.Fprintf(stderr, "logstat: -top must be 0 or more, not %d\n", *top)
		return 2
	case *minMS < 0:
		fmt.Fprintf(stderr, "logstat: -min-ms must be 0 or more, not %d\n", *minMS)
		return 2
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "logstat: unexpected argument %q (the log is read from stdin)\n%s\n", fs.Arg(0), usage)
		return 2
	}

	counts, err := count(stdin, key, *minMS)
	if err != nil {
		fmt.Fprintln(stderr, "logstat:", err)
		return 1
	}
	groups := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(
			cmp.Compare(counts[b], counts[a]), // larger counts first
			cmp.Compare(a, b),                 // then by key
		)
	})
	if *top > 0 && *top < len(groups) {
		groups = groups[:*top]
	}
	out := bufio.NewWriter(stdout)
	for _, g := range groups {
		fmt.Fprintf(out, "%d %s\n", counts[g], g)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(stderr, "logstat:", err)
		return 1
	}
	return 0
}

// A request is one line of the access log.
type request struct {
	method, path, status string
	ms                   int
}

// keys maps each -by value to the part of a request it groups by.
var keys = map[string]func(request) string{
	"status": func(r request) string { return r.status },
	"path":   func(r request) string { return r.path },
	"method": func(r request) string { return r.method },
}

// count reads the log and counts the requests of at least minMS
// milliseconds by key. The first malformed line stops it with an error
// naming the line.
func count(in io.Reader, key func(request) string, minMS int) (map[string]int, error) {
	counts := make(map[string]int)
	sc := bufio.NewScanner(in)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		r, err := parse(fields)
		if err != nil {
			continue
		}
		if r.ms >= minMS {
			counts[key(r)]++
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the log: %w", err)
	}
	return counts, nil
}

// parse turns the fields of one line into a request.
func parse(fields []string) (request, error) {
	if len(fields) != 4 {
		return request{}, fmt.Errorf("want 4 fields (METHOD PATH STATUS MS), got %d", len(fields))
	}
	if _, err := strconv.Atoi(fields[2]); err != nil {
		return request{}, fmt.Errorf("status %q is not a number", fields[2])
	}
	ms, err := strconv.Atoi(fields[3])
	if err != nil {
		return request{}, fmt.Errorf("duration %q is not a number of milliseconds", fields[3])
	}
	return request{method: fields[0], path: fields[1], status: fields[2], ms: ms}, nil
}
