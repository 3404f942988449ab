// Wrong: rejects only -workers 0, so a negative number of workers such as
// -workers -3 gets through.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	workers := flag.Int("workers", 4, "number of workers")
	debug := flag.Bool("debug", false, "debug logging")
	flag.Parse()
	if *workers == 0 {
		fmt.Fprintln(os.Stderr, "serve: -workers must be at least 1")
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
