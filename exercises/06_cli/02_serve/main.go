// Command serve prints the configuration a server would start with.
// Turn its settings into flags with the flag package: -addr (default
// "localhost:8080"), -workers (default 4; below 1: a message naming
// -workers on stderr, exit 2), -debug. Routes: the arguments after them.
package main

import (
	"fmt"
	"strings"
)

func main() {
	addr := "localhost:8080" // TODO: the -addr flag
	workers := 4             // TODO: the -workers flag, at least 1
	debug := false           // TODO: the -debug flag
	var routes []string      // TODO: the arguments after the flags

	fmt.Printf("addr: %s\n", addr)
	fmt.Printf("workers: %d\n", workers)
	fmt.Printf("debug: %t\n", debug)
	if len(routes) == 0 {
		fmt.Println("routes: none")
	} else {
		fmt.Printf("routes: %s\n", strings.Join(routes, " "))
	}
}
