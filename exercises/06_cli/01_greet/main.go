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
	// TODO: no names? Print "usage: greet NAME..." to stderr, exit 2.
	for _, name := range os.Args {
		fmt.Printf("Hello, %s!\n", name)
	}
}
