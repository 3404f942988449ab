// Alternative: the field to group by is an index into strings.Fields, the
// flags are validated by a helper named valid, and the sorted keys come from
// slices.SortedFunc over maps.Keys; the report is built in a strings.Builder.
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

var columns = map[string]int{"method": 0, "path": 1, "status": 2}

// valid checks the flag values and returns a message naming the bad flag.
func valid(by string, top, minMS int) (string, bool) {
	if _, ok := columns[by]; !ok {
		return "-by must be status, path or method, not " + strconv.Quote(by), false
	}
	if top < 0 {
		return "-top cannot be negative: " + strconv.Itoa(top), false
	}
	if minMS < 0 {
		return "-min-ms cannot be negative: " + strconv.Itoa(minMS), false
	}
	return "", true
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

	if len(fs.Args()) > 0 {
		fmt.Fprintf(stderr, "usage: logstat [flags] < access.log (unexpected %q)\n", fs.Arg(0))
		return 2
	}
	if msg, ok := valid(*by, *top, *minMS); !ok {
		fmt.Fprintln(stderr, "logstat:", msg)
		return 2
	}
	col := columns[*by]

	counts := make(map[string]int)
	sc := bufio.NewScanner(stdin)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 {
			fmt.Fprintf(stderr, "logstat: line %d: %d fields, want 4\n", line, len(f))
			return 1
		}
		_, errStatus := strconv.Atoi(f[2])
		ms, errMS := strconv.Atoi(f[3])
		if err := errors.Join(errStatus, errMS); err != nil {
			fmt.Fprintf(stderr, "logstat: line %d: %v\n", line, err)
			return 1
		}
		if ms >= *minMS {
			counts[f[col]]++
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(stderr, "logstat: reading input:", err)
		return 1
	}

	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(-cmp.Compare(counts[a], counts[b]), strings.Compare(a, b))
	})
	if *top != 0 {
		keys = keys[:min(*top, len(keys))]
	}
	var out strings.Builder
	for _, k := range keys {
		out.WriteString(strconv.Itoa(counts[k]) + " " + k + "\n")
	}
	io.WriteString(stdout, out.String())
	return 0
}
