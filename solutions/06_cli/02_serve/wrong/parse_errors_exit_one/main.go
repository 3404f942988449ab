// Wrong: parses with its own FlagSet and exits with status 1 on any
// parse error, so a bad value exits 1 instead of 2 and -h (which Parse
// reports as flag.ErrHelp) exits 1 instead of 0.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	workers := fs.Int("workers", 4, "number of worker goroutines (at least 1)")
	debug := fs.Bool("debug", false, "log every request")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(1)
	}
	if *workers < 1 {
		fmt.Fprintf(os.Stderr, "serve: -workers must be at least 1, got %d\n", *workers)
		fs.Usage()
		os.Exit(2)
	}
	routes := fs.Args()

	fmt.Printf("addr: %s\n", *addr)
	fmt.Printf("workers: %d\n", *workers)
	fmt.Printf("debug: %t\n", *debug)
	if len(routes) == 0 {
		fmt.Println("routes: none")
	} else {
		fmt.Printf("routes: %s\n", strings.Join(routes, " "))
	}
}
