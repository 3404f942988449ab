// Alternative: the work is in run(args, stdin, stdout, stderr) int, which
// returns the status, so the deferred Close runs before os.Exit.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(stderr, "usage: grep PATTERN [FILE]")
		return 2
	}
	pattern := args[0]
	in := stdin
	if len(args) == 2 {
		f, err := os.Open(args[1])
		if err != nil {
			fmt.Fprintln(stderr, "grep:", err)
			return 2
		}
		defer f.Close()
		in = f
	}

	status := 1
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		if line := sc.Text(); strings.Contains(line, pattern) {
			fmt.Fprintln(stdout, line)
			status = 0
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(stderr, "grep:", err)
		return 2
	}
	return status
}
