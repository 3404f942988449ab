// Command sum adds up the whole numbers given as arguments:
// `sum 1 2 39` prints 42.
package main

// ANCHOR: sum
import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	args := os.Args[1:] // os.Args[0] is the program's own name
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: sum NUMBER...")
		os.Exit(2) // 2: the command was used wrongly
	}
	total := 0
	for _, a := range args {
		n, err := strconv.Atoi(a)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sum: %q is not a whole number\n", a)
			os.Exit(1) // 1: the command was used rightly, but failed
		}
		total += n
	}
	fmt.Println(total)
}

// ANCHOR_END: sum
