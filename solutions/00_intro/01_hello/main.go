// Exercise: your first Go program.
//
// Make the program print exactly:
//
//	Hello, backend!
//
// followed by a newline. Save the file and watch the verdict change.
package main

import "fmt"

func main() {
	fmt.Println("Hello, backend!")
}
