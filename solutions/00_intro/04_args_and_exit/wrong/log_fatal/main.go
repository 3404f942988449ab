// Wrong: log.Fatal prints the usage (after a timestamp) but exits with code
// 1, not the 2 the exercise asks for.
package main

import (
	"fmt"
	"log"
	"os"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: greet NAME")
	}
	fmt.Printf("Hello, %s!\n", os.Args[1])
}
