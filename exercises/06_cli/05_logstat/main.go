// Command logstat reads an access log on standard input and prints how many
// requests there were per status code, path or method, largest groups
// first. The flags are parsed for you: write the rest of run, following the
// rules in its comment, with results on stdout and messages on stderr.
package main

import (
	"errors"
	"flag"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
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

	// TODO: check the flags and fs.Args(); read stdin with a
	// bufio.Scanner; count; sort; print.
	_, _, _ = by, top, minMS
	return 0
}
