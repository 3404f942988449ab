// Wrong: reads os.Args[1] without checking that it exists; with no names
// the program panics (which also exits with status 2, but prints a crash,
// not a usage line).
package main

import (
	"fmt"
	"os"
)

func main() {
	first := os.Args[1]
	fmt.Printf("Hello, %s!\n", first)
	for _, name := range os.Args[2:] {
		fmt.Printf("Hello, %s!\n", name)
	}
}
