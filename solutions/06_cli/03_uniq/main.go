// Command uniq copies standard input to standard output, dropping a line
// when it repeats the line just before it (like the Unix uniq). It reads
// with fmt.Scan, which splits on spaces and skips empty lines: read whole
// lines with a bufio.Scanner instead, and check its error at the end.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	first := true
	var prev string
	// Scan returns each line without its "\n" (and without a "\r" before
	// it); a last line with no "\n" at all is still a line.
	for in.Scan() {
		line := in.Text()
		if first || line != prev {
			fmt.Fprintln(out, line)
		}
		prev, first = line, false
	}
	// Scan returns false at the end of the input and on a read error; only
	// Err tells them apart.
	if err := in.Err(); err != nil {
		out.Flush()
		fmt.Fprintln(os.Stderr, "uniq:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "uniq:", err)
		os.Exit(1)
	}
}
