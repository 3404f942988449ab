// Wrong: silences "declared and not used" with _ = version instead of
// printing the version, so the first line lacks it.
package main

import (
	"fmt"
	"strings"
)

func main() {
	service := "orders"
	version := "1.4"
	_ = version
	fmt.Println("Starting", service)
	fmt.Println(strings.ToUpper(service), "is ready")
}
