// Wrong: prints the usage line to stderr but then returns from main, so
// the program exits with status 0 as if it had succeeded.
package main

import (
	"fmt"
	"os"
)

func main() {
	names := os.Args[1:]
	if len(names) == 0 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME...")
		return
	}
	for _, name := range names {
		fmt.Printf("Hello, %s!\n", name)
	}
}
