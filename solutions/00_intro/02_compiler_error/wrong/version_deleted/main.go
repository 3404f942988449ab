// Wrong: silences "declared and not used" by deleting the variable, so the
// version is missing from the first line.
package main

import (
	"fmt"
	"strings"
)

func main() {
	service := "orders"
	fmt.Println("Starting", service)
	fmt.Println(strings.ToUpper(service), "is ready")
}
