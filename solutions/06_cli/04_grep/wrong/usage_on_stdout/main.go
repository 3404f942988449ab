// Wrong: prints the usage line to standard output, mixing it with the
// results a pipeline reads.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit statuses, as the Unix grep uses them.
const (
	matched  = 0 // at least one line matched
	noMatch  = 1 // no line matched: not an error, an answer
	troubled = 2 // usage error, or the input could not be read
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run is the whole program; it returns the exit status, so that main is
// the only place that exits.
func run(args []string) int {
	if len(args) < 1 || len(args) > 2 {
		fmt.Println("usage: grep PATTERN [FILE]")
		return troubled
	}
	pattern := args[0]
	var in io.Reader = os.Stdin
	if len(args) == 2 {
		f, err := os.Open(args[1])
		if err != nil {
			// The error from os.Open names the file: "open x.log: no such
			// file or directory".
			fmt.Fprintln(os.Stderr, "grep:", err)
			return troubled
		}
		defer f.Close()
		in = f
	}
	found, err := grep(in, os.Stdout, pattern)
	if err != nil {
		fmt.Fprintln(os.Stderr, "grep:", err)
		return troubled
	}
	if !found {
		return noMatch
	}
	return matched
}

// grep copies the lines of in that contain pattern to out and reports
// whether there was any.
func grep(in io.Reader, out io.Writer, pattern string) (bool, error) {
	found := false
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if strings.Contains(sc.Text(), pattern) {
			found = true
			if _, err := fmt.Fprintln(out, sc.Text()); err != nil {
				return found, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return found, fmt.Errorf("reading input: %w", err)
	}
	return found, nil
}
