package cli

import (
	"cmp"
	"fmt"
	"slices"
)

// ANCHOR: sort
func Example_sort() {
	words := []string{"go", "flag", "cli", "stdin", "exit", "os"}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(len(b), len(a)), // longer first: b before a
			cmp.Compare(a, b),           // equal length: alphabetical
		)
	})
	fmt.Println(words)
	// Output: [stdin exit flag cli go os]
}

// ANCHOR_END: sort
