// Alternative: lets the flag package parse the command line and counts the
// remaining arguments with flag.NArg; the usage goes through a helper.
package main

import (
	"flag"
	"fmt"
	"os"
)

func usage() {
	fmt.Fprintln(os.Stderr, "usage: greet NAME")
	os.Exit(2)
}

func main() {
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() != 1 {
		usage()
	}
	fmt.Printf("Hello, %s!\n", flag.Arg(0))
}
