// Command hello prints a greeting.
package main

import "fmt"

func main() {
	fmt.Println("Hello, Gopher!")
}
