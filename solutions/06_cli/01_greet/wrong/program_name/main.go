// Wrong: ranges over all of os.Args, so it also greets the program's own
// path (os.Args[0]).
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
	for _, name := range os.Args {
		fmt.Printf("Hello, %s!\n", name)
	}
}
