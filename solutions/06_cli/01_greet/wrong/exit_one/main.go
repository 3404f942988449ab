// Wrong: exits with status 1 on a usage error; by convention 2 means "you
// called me wrongly", 1 means "I tried and failed".
package main

import (
	"fmt"
	"os"
)

func main() {
	names := os.Args[1:]
	if len(names) == 0 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME...")
		os.Exit(1)
	}
	for _, name := range names {
		fmt.Printf("Hello, %s!\n", name)
	}
}
