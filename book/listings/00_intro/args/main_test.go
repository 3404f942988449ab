package main

import "os"

// Example runs main as if started with: args Ada "Grace Hopper"
func Example() {
	os.Args = []string{"args", "Ada", "Grace Hopper"}
	main()
	// Output:
	// 3 values: ["args" "Ada" "Grace Hopper"]
	// the program: args
}
