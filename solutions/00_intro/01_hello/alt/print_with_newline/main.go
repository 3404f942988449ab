// Alternative: fmt.Print with an explicit "\n" instead of fmt.Println.
package main

import "fmt"

func main() {
	fmt.Print("Hello, backend!\n")
}
