package main

import (
	"fmt"
	"strings"
)

// show runs the program with args and stdin, and prints its exit status
// and both output streams.
func show(stdin string, args ...string) {
	var stdout, stderr strings.Builder
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	fmt.Printf("exit %d, stdout %q, stderr %q\n", code, stdout.String(), stderr.String())
}

// ANCHOR: examples
func Example() {
	show("a\nb\nc\n", "-n", "2")
	show("a\nb\nc\n", "missing.log")
	show("a\nb\nc\n", "-n", "-1")
	// Output:
	// exit 0, stdout "a\nb\n", stderr ""
	// exit 1, stdout "", stderr "head: missing.log: no such file\n"
	// exit 2, stdout "", stderr "usage: head [-n N] [FILE]\n"
}

// ANCHOR_END: examples
