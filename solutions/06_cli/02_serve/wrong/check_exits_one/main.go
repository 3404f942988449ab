// Wrong: a -workers value below 1 is a usage error, which exits with
// status 2 (like the flag package's own errors), not 1.
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
	// Parse reads os.Args[1:]. On a bad flag or value it prints the error
	// and the usage to stderr and exits with status 2; on -h it prints the
	// usage and exits with status 0.
	flag.Parse()
	if *workers < 1 {
		fmt.Fprintf(os.Stderr, "serve: -workers must be at least 1, got %d\n", *workers)
		os.Exit(1)
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
