// Wrong: prints the usage but does not stop, so the program goes on to
// read os.Args[1] and crashes.
package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program itself; the name is os.Args[1].
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: greet NAME")
	}
	name := os.Args[1]
	fmt.Printf("Hello, %s!\n", name)
}
