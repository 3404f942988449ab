// Command upper prints its arguments in capital letters.
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: upper WORD...")
		os.Exit(2)
	}
	words := os.Args[1:] // every argument after the program's own name
	fmt.Println(strings.ToUpper(strings.Join(words, " ")))
}
