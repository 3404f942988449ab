package main

// Example runs the program's main and checks what it prints.
func Example() {
	main()
	// Output: Hello, Gopher!
}
