// Wrong: prints the usage message to standard output; error messages
// belong on standard error, where they do not mix with the real output.
package main

import (
	"fmt"
	"os"
)

func main() {
	// os.Args[0] is the program itself; the name is os.Args[1].
	if len(os.Args) != 2 {
		fmt.Println("usage: greet NAME")
		os.Exit(2)
	}
	name := os.Args[1]
	fmt.Printf("Hello, %s!\n", name)
}
