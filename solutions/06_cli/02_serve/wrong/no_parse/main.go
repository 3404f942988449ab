// Wrong: defines the flags but never calls flag.Parse, so every flag
// keeps its default and flag.Args() is always empty.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	workers := flag.Int("workers", 4, "number of worker goroutines (at least 1)")
	debug := flag.Bool("debug", false, "log every request")
	if *workers < 1 {
		fmt.Fprintf(os.Stderr, "serve: -workers must be at least 1, got %d\n", *workers)
		flag.Usage()
		os.Exit(2)
	}
	routes := flag.Args()

	fmt.Printf("addr: %s\n", *addr)
	fmt.Printf("workers: %d\n", *workers)
	fmt.Printf("debug: %t\n", *debug)
	if len(routes) == 0 {
		fmt.Println("routes: none")
	} else {
		fmt.Printf("routes: %s\n", strings.Join(routes, " "))
	}
}
