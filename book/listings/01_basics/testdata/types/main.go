// Command types shows the compiler's type errors. It does not compile on
// purpose: chapter 01 shows the messages.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	count := 3
	seconds := 1.5
	fmt.Println(count / seconds)

	var id string
	fmt.Println(id == nil)

	n := strconv.Atoi("42")
	fmt.Println(n)
}
