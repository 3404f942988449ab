// Wrong: the built-in println writes to standard error, not standard
// output, so nothing reaches stdout.
package main

func main() {
	println("Hello, backend!")
}
