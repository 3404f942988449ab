// Wrong: drops every line seen before anywhere in the input, not only a
// line that repeats the one just before it.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	seen := make(map[string]bool)
	for in.Scan() {
		line := in.Text()
		if !seen[line] {
			fmt.Println(line)
		}
		seen[line] = true
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "uniq:", err)
		os.Exit(1)
	}
}
