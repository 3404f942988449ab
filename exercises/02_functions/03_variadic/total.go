// Exercise: variadic functions.
// Sum takes any number of ints (even none). Write it, then fix CartTotal:
// it does not compile because a []int is not an int. Pass the slice's
// elements to Sum with prices... instead.
package total

// Sum returns the total of its arguments; Sum() is 0.
func Sum(nums ...int) int {
	// TODO: nums is a []int here; add its elements up.
	return 0
}

// CartTotal returns the total price of a cart, computed with Sum.
func CartTotal(prices []int) int {
	return Sum(prices)
}

// Join returns the parts separated by sep: Join(", ", "a", "b") is "a, b".
// With no parts it returns "".
func Join(sep string, parts ...string) string {
	// TODO: build the result (strings.Join is allowed).
	return ""
}
