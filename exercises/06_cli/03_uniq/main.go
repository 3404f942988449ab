// Command uniq copies standard input to standard output, dropping a line
// when it repeats the line just before it (like the Unix uniq). It reads
// with fmt.Scan, which splits on spaces and skips empty lines: read whole
// lines with a bufio.Scanner instead, and check its error at the end.
package main

import "fmt"

func main() {
	first := true
	var prev string
	for {
		var line string
		if _, err := fmt.Scan(&line); err != nil {
			break
		}
		if first || line != prev {
			fmt.Println(line)
		}
		prev, first = line, false
	}
}
