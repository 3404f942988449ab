package main

import "os"

// Example runs main as if the shell had started `sum 1 2 39`.
func Example() {
	os.Args = []string{"sum", "1", "2", "39"}
	main()
	// Output: 42
}
