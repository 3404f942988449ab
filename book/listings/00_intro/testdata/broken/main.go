// Command status reports a service's status. It does not compile on
// purpose: chapter 00 shows the compiler's errors.
package main

import (
	"fmt"
	"strings"
)

func main() {
	name := "payments"
	port := 8080
	fmt.Println(name, "is up")
	os.Exit(0)
}
