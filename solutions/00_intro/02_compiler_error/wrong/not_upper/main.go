// Wrong: fixes "undefined: strings" by deleting the call instead of
// importing the package, so the name is not upper-cased.
package main

import "fmt"

func main() {
	service := "orders"
	version := "1.4"
	fmt.Println("Starting", service, version)
	fmt.Println(service, "is ready")
}
