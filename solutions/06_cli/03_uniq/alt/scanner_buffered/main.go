// Alternative: a Scanner feeding a bufio.Writer (flushed at the end), with
// the previous line kept as a pointer that is nil before the first line.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	var prev *string
	for in.Scan() {
		line := in.Text()
		if prev == nil || *prev != line {
			out.WriteString(line)
			out.WriteByte('\n')
		}
		prev = &line
	}
	if err := in.Err(); err != nil {
		out.Flush()
		fmt.Fprintln(os.Stderr, "uniq: reading input:", err)
		os.Exit(1)
	}
}
