package functions

import (
	"fmt"
	"strings"
)

// ANCHOR: longest
// longest returns the longest of its arguments, or "" when there are none.
// Inside the function, words is an ordinary []string.
func longest(words ...string) string {
	best := ""
	for _, w := range words {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

func Example_longest() {
	fmt.Printf("%q\n", longest())                    // no arguments: words is nil
	fmt.Printf("%q\n", longest("go", "rust", "zig")) // three arguments

	names := []string{"ada", "grace", "barbara"}
	fmt.Printf("%q\n", longest(names...)) // spread a slice with ...
	// Output:
	// ""
	// "rust"
	// "barbara"
}

// ANCHOR_END: longest

// ANCHOR: fixed
// logf has a fixed parameter before the variadic one, like fmt.Printf.
// It passes its arguments on to Sprintf with args... .
func logf(level, format string, args ...any) string {
	return strings.ToUpper(level) + " " + fmt.Sprintf(format, args...)
}

func Example_logf() {
	fmt.Println(logf("info", "listening on :%d", 8080))
	fmt.Println(logf("warn", "no arguments at all"))
	// Output:
	// INFO listening on :8080
	// WARN no arguments at all
}

// ANCHOR_END: fixed

// ANCHOR: shared
// double doubles its arguments in place.
func double(xs ...int) {
	for i := range xs {
		xs[i] *= 2
	}
}

func Example_double() {
	nums := []int{1, 2, 3}
	double(nums...) // xs IS nums: no copy is made
	fmt.Println(nums)

	double(4, 5) // a new slice is made for the arguments
	// Output: [2 4 6]
}

// ANCHOR_END: shared
