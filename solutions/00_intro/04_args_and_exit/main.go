// Command greet says hello to the one name on its command line:
//
//	go run ./exercises/00_intro/04_args_and_exit Ada    prints    Hello, Ada!
//
// Run without a name, it crashes. Make it check os.Args first: unless there
// is exactly one name, print "usage: greet NAME" to standard error
// (fmt.Fprintln(os.Stderr, ...)) and stop with exit code 2 (os.Exit(2)).
package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program itself; the name is os.Args[1].
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME")
		os.Exit(2)
	}
	name := os.Args[1]
	fmt.Printf("Hello, %s!\n", name)
}
