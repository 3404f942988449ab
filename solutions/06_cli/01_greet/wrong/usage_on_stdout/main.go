// Wrong: prints the usage line to standard output, where a script piping
// the output would read it as a result.
package main

import (
	"fmt"
	"os"
)

func main() {
	names := os.Args[1:]
	if len(names) == 0 {
		fmt.Println("usage: greet NAME...")
		os.Exit(2)
	}
	for _, name := range names {
		fmt.Printf("Hello, %s!\n", name)
	}
}
