// Alternative: binds the flags to variables with StringVar, IntVar and
// BoolVar, and reports the bad -workers value with flag.Usage.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	var (
		addr    string
		workers int
		debug   bool
	)
	flag.StringVar(&addr, "addr", "localhost:8080", "listen address")
	flag.IntVar(&workers, "workers", 4, "how many workers")
	flag.BoolVar(&debug, "debug", false, "debug mode")
	flag.Parse()

	if workers < 1 {
		fmt.Fprintln(os.Stderr, "-workers must be 1 or more")
		flag.Usage()
		os.Exit(2)
	}

	routes := flag.Args()
	fmt.Println("addr:", addr)
	fmt.Println("workers:", workers)
	fmt.Println("debug:", debug)
	if len(routes) == 0 {
		routes = []string{"none"}
	}
	fmt.Println("routes:", strings.Join(routes, " "))
}
