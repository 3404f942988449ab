// Alternative: prints both lines with fmt.Printf and %s verbs.
package main

import (
	"fmt"
	"strings"
)

func main() {
	service := "orders"
	version := "1.4"
	fmt.Printf("Starting %s %s\n", service, version)
	fmt.Printf("%s is ready\n", strings.ToUpper(service))
}
