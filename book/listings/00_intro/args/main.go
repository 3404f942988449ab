// Command args shows what a program receives on its command line.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Printf("%d values: %q\n", len(os.Args), os.Args)
	fmt.Println("the program:", os.Args[0])
}
