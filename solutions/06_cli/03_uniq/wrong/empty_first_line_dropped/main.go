// Wrong: compares every line with prev, which starts as "", so an empty
// first line counts as a repeat and is dropped.
package main

import (
	"bufio"
	"fmt"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	var prev string
	for in.Scan() {
		line := in.Text()
		if line != prev {
			fmt.Println(line)
		}
		prev = line
	}
	if err := in.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
