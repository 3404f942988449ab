// Wrong: exits with code 1; the exercise asks for 2, the usual code for
// a command line used the wrong way.
package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program itself; the name is os.Args[1].
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME")
		os.Exit(1)
	}
	name := os.Args[1]
	fmt.Printf("Hello, %s!\n", name)
}
