// Command greet says hello to every name given on its command line:
// `greet Ada Grace` prints "Hello, Ada!" and "Hello, Grace!", one per line.
// Fix the loop (os.Args[0] is not a name), and with no names at all print
// a line starting with "usage:" to standard error and exit with status 2.
package main

import (
	"fmt"
	"os"
)

func main() {
	names := os.Args[1:] // os.Args[0] is the program itself
	if len(names) == 0 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME...")
		os.Exit(2)
	}
	for _, name := range names {
		fmt.Printf("Hello, %s!\n", name)
	}
}
