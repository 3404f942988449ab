// Wrong: the comma is missing; the output must match character for
// character.
package main

import "fmt"

func main() {
	fmt.Println("Hello backend!")
}
