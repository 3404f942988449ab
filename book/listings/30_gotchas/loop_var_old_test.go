//go:build go1.21

package gotchas

import "fmt"

// The build line above gives this file the language version go1.21, as if
// it were in a module whose go.mod says "go 1.21": loops share one variable.

func Example_loopVariableShared() {
	// ANCHOR: shared
	var printers []func()
	for i := 0; i < 3; i++ {
		printers = append(printers, func() { fmt.Print(i, " ") })
	}
	for _, p := range printers {
		p() // every closure sees the one i, which the loop left at 3
	}
	// ANCHOR_END: shared
	fmt.Println()
	// Output: 3 3 3
}

func Example_loopVariableCopied() {
	// ANCHOR: copied
	var printers []func()
	for i := 0; i < 3; i++ {
		i := i // a new variable per iteration, holding this iteration's value
		printers = append(printers, func() { fmt.Print(i, " ") })
	}
	for _, p := range printers {
		p()
	}
	// ANCHOR_END: copied
	fmt.Println()
	// Output: 0 1 2
}
