// Alternative: writes the line straight to os.Stdout, without fmt.
package main

import "os"

func main() {
	os.Stdout.WriteString("Hello, backend!\n")
}
