// Wrong: cuts only the "\n" off each line, so a line ending in "\r\n"
// (Windows) keeps its "\r": it is printed with it and no longer equals
// the same line ending in "\n".
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
		if line != "" {
			line = strings.TrimSuffix(line, "\n")
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
