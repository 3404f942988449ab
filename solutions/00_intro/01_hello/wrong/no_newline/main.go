// Wrong: fmt.Print does not end the line; the expected output is a whole
// line, newline included.
package main

import "fmt"

func main() {
	fmt.Print("Hello, backend!")
}
