package gotchas

import "fmt"

// This file has the module's language version (go 1.25 in go.mod): each
// iteration of a for loop has its own i.

func Example_loopVariablePerIteration() {
	// ANCHOR: per_iteration
	var printers []func()
	for i := range 3 {
		printers = append(printers, func() { fmt.Print(i, " ") })
	}
	for _, p := range printers {
		p()
	}
	// ANCHOR_END: per_iteration
	fmt.Println()
	// Output: 0 1 2
}
