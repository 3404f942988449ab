// Alternative: a three-clause loop from index 1, and the usage check on
// len(os.Args) < 2.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME...")
		os.Exit(2)
	}
	for i := 1; i < len(os.Args); i++ {
		fmt.Println("Hello, " + os.Args[i] + "!")
	}
}
