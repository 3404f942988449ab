// Welcome to backendlings! This file is a complete Go program.
//
// Make it print exactly this line (capital H, a comma, an exclamation mark):
//
//	Hello, backend!
//
// then save the file. To run it yourself: go run ./exercises/00_intro/01_hello
package main

import "fmt"

func main() {
	fmt.Println("Hello, backend!")
}
