// Wrong: sets matched for every line, so only the last line decides the
// exit status: a match followed by lines that do not match exits 1.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) < 1 || len(args) > 2 {
		fmt.Fprintln(os.Stderr, "usage: grep PATTERN [FILE]")
		return 2
	}
	var in io.Reader = os.Stdin
	if len(args) == 2 {
		f, err := os.Open(args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "grep:", err)
			return 2
		}
		defer f.Close()
		in = f
	}
	matched := false
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		matched = strings.Contains(sc.Text(), args[0])
		if matched {
			fmt.Println(sc.Text())
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "grep:", err)
		return 2
	}
	if !matched {
		return 1
	}
	return 0
}
