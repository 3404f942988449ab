// Wrong: reads everything and splits on "\n". Input that ends with a
// newline then has an extra empty "line" after the last one, so an extra
// blank line is printed (and empty input prints one blank line).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "uniq:", err)
		os.Exit(1)
	}
	first := true
	var prev string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if first || line != prev {
			fmt.Println(line)
		}
		prev, first = line, false
	}
}
