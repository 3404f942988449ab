// Command head prints the first lines of a file, or of standard input:
// `head -n 3 app.log`.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ANCHOR: main
func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// ANCHOR_END: main

// ANCHOR: run
// run is the whole program. Its inputs and outputs are parameters and it
// returns the exit status instead of calling os.Exit, so deferred calls
// run and a test can call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("head", flag.ContinueOnError)
	flags.SetOutput(stderr) // usage and flag errors go to stderr
	n := flags.Int("n", 10, "print the first `N` lines")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0 // -h asked for the usage: not an error
		}
		return 2
	}
	if *n < 0 || flags.NArg() > 1 {
		fmt.Fprintln(stderr, "usage: head [-n N] [FILE]")
		return 2
	}
	in := stdin
	if flags.NArg() == 1 {
		f, err := os.Open(flags.Arg(0))
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "head: %s: no such file\n", flags.Arg(0))
			return 1
		}
		if err != nil {
			fmt.Fprintln(stderr, "head:", err) // the error names the file
			return 1
		}
		defer f.Close() // runs, because run returns instead of exiting
		in = f
	}
	sc := bufio.NewScanner(in)
	for i := 0; i < *n && sc.Scan(); i++ {
		fmt.Fprintln(stdout, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(stderr, "head:", err)
		return 1
	}
	return 0
}

// ANCHOR_END: run
