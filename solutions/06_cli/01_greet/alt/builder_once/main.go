// Alternative: builds all the greetings in a strings.Builder and writes
// them with one call; the usage goes through a helper.
package main

import (
	"fmt"
	"os"
	"strings"
)

func usage() {
	fmt.Fprintf(os.Stderr, "usage: %s NAME...\n", "greet")
	os.Exit(2)
}

func main() {
	names := os.Args[1:]
	if len(names) == 0 {
		usage()
	}
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "Hello, %s!\n", n)
	}
	os.Stdout.WriteString(b.String())
}
