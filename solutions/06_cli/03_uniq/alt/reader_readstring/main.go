// Alternative: bufio.Reader.ReadString('\n') instead of a Scanner, trimming
// the line ending by hand and handling a last line without one.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	first := true
	var prev string
	for {
		line, err := in.ReadString('\n')
		if len(line) > 0 {
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			if first || line != prev {
				fmt.Println(line)
			}
			prev, first = line, false
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "uniq:", err)
			os.Exit(1)
		}
	}
}
