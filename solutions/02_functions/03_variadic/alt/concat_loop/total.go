// Alternative: Sum recurses on the rest of the arguments; Join adds the
// separator after each part but the last, by string concatenation.
package total

// Sum returns the total of its arguments; Sum() is 0.
func Sum(nums ...int) int {
	if len(nums) == 0 {
		return 0
	}
	return nums[0] + Sum(nums[1:]...)
}

// CartTotal returns the total price of a cart, computed with Sum.
func CartTotal(prices []int) int {
	return Sum(prices...)
}

// Join returns the parts separated by sep: Join(", ", "a", "b") is "a, b".
// With no parts it returns "".
func Join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		out += p
		if i < len(parts)-1 {
			out += sep
		}
	}
	return out
}
