// This program does not compile. Save it (or go run it) and read the errors:
// each one starts with file:line:column, the exact spot of the problem.
// Fix them one by one, keeping every variable, until the program prints:
//
//	Starting orders 1.4
//	ORDERS is ready
package main

import (
	"fmt"
	"strings"
)

func main() {
	service := "orders"
	version := "1.4"
	fmt.Println("Starting", service, version)
	fmt.Println(strings.ToUpper(service), "is ready")
}
