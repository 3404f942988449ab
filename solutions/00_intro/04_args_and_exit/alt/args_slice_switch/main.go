// Alternative: takes the arguments after the program name as a slice and
// switches on how many there are.
package main

import (
	"fmt"
	"os"
)

func main() {
	args := os.Args[1:]
	switch len(args) {
	case 1:
		fmt.Println("Hello, " + args[0] + "!")
	default:
		fmt.Fprintln(os.Stderr, "usage: greet NAME")
		os.Exit(2)
	}
}
