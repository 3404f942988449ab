// Wrong: writes through a bufio.Writer and never calls Flush, so the
// output still in the buffer is lost when the program exits.
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
	for in.Scan() {
		line := in.Text()
		if first || line != prev {
			fmt.Fprintln(out, line)
		}
		prev, first = line, false
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "uniq:", err)
		os.Exit(1)
	}
}
