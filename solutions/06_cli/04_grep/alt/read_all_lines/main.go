// Alternative: reads the whole input (os.ReadFile or io.ReadAll) and walks
// it with strings.Lines, counting the matches; a switch on the argument
// count picks the source.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	var (
		data []byte
		err  error
	)
	switch len(os.Args) {
	case 2:
		data, err = io.ReadAll(os.Stdin)
	case 3:
		data, err = os.ReadFile(os.Args[2])
	default:
		fmt.Fprintln(os.Stderr, "usage: grep PATTERN [FILE]")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "grep: %v\n", err)
		os.Exit(2)
	}

	matches := 0
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if strings.Contains(line, os.Args[1]) {
			fmt.Println(line)
			matches++
		}
	}
	if matches == 0 {
		os.Exit(1)
	}
}
