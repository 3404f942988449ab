package gotchas

import (
	"fmt"
	"slices"
)

func Example_appendAliasing() {
	// ANCHOR: alias
	// Every query starts with the tenant filter's argument.
	base := make([]any, 0, 4) // room for 4: append will not need a new array
	base = append(base, 42)   // tenant id

	active := append(base, "active") // writes into base's array, at index 1
	banned := append(base, "banned") // writes into the SAME slot
	fmt.Println(active, banned)
	// ANCHOR_END: alias

	// Output: [42 banned] [42 banned]
}

func Example_appendOwnArray() {
	base := make([]any, 0, 4)
	base = append(base, 42)
	// ANCHOR: own_array
	active := append(slices.Clip(base), "active")  // cap = len: append must copy
	banned := slices.Concat(base, []any{"banned"}) // always a new array
	fmt.Println(active, banned)
	// ANCHOR_END: own_array

	// Output: [42 active] [42 banned]
}
