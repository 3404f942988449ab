// Wrong: only checks that a name is there, so "greet Ada Grace" greets Ada
// instead of printing the usage.
package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program itself; the name is os.Args[1].
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME")
		os.Exit(2)
	}
	name := os.Args[1]
	fmt.Printf("Hello, %s!\n", name)
}
