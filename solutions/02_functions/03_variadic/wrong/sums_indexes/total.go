// Wrong: range with one variable gives the index, not the element, so Sum
// adds up 0, 1, 2, ... instead of the numbers.
package total

import "strings"

// Sum returns the total of its arguments; Sum() is 0.
func Sum(nums ...int) int {
	total := 0
	for n := range nums {
		total += n
	}
	return total
}

// CartTotal returns the total price of a cart, computed with Sum.
func CartTotal(prices []int) int {
	return Sum(prices...)
}

// Join returns the parts separated by sep: Join(", ", "a", "b") is "a, b".
// With no parts it returns "".
func Join(sep string, parts ...string) string {
	return strings.Join(parts, sep)
}
