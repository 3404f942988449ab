// Wrong: reads with ReadString('\n') and stops at the first error, so a
// last line without a final newline (ReadString returns it together with
// io.EOF) is dropped.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	first := true
	var prev string
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			break
		}
		line = strings.TrimRight(line, "\r\n")
		if first || line != prev {
			fmt.Println(line)
		}
		prev, first = line, false
	}
}
