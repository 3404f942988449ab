// Command grep prints the lines of a file (or of standard input, when no
// file is named) that contain PATTERN. Exit 0 when a line matched, 1 when
// none did, 2 on trouble: a usage error (print "usage:" on stderr) or a file
// that cannot be read (name it on stderr). Results alone go to stdout.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: grep PATTERN [FILE]")
		return
	}
	pattern := os.Args[1]
	// TODO: read the file named by os.Args[2] when there is one;
	// more than one file is a usage error.
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		if strings.Contains(in.Text(), pattern) {
			fmt.Println(in.Text())
		}
	}
	// TODO: the exit status.
}
