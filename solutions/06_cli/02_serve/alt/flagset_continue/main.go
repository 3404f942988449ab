// Alternative: a FlagSet with ContinueOnError, whose Parse error the
// program turns into the exit code itself (0 for -h, 2 otherwise).
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	workers := fs.Int("workers", 4, "number of workers (at least 1)")
	debug := fs.Bool("debug", false, "log debugging information")
	if err := fs.Parse(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(2)
	}
	if *workers < 1 {
		fmt.Fprintf(os.Stderr, "serve: invalid -workers %d: want at least 1\n", *workers)
		os.Exit(2)
	}

	routes := "none"
	if fs.NArg() > 0 {
		routes = strings.Join(fs.Args(), " ")
	}
	fmt.Printf("addr: %s\nworkers: %d\ndebug: %t\nroutes: %s\n", *addr, *workers, *debug, routes)
}
