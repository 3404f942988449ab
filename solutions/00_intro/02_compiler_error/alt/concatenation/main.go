// Alternative: builds each line by string concatenation.
package main

import (
	"fmt"
	"strings"
)

func main() {
	service := "orders"
	version := "1.4"
	fmt.Println("Starting " + service + " " + version)
	fmt.Println(strings.ToUpper(service) + " is ready")
}
