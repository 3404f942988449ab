// Alternative: an index loop for Sum, a strings.Builder for Join.
package total

import "strings"

// Sum returns the total of its arguments; Sum() is 0.
func Sum(nums ...int) int {
	t := 0
	for i := 0; i < len(nums); i++ {
		t += nums[i]
	}
	return t
}

// CartTotal returns the total price of a cart, computed with Sum.
func CartTotal(prices []int) int {
	return Sum(prices...)
}

// Join returns the parts separated by sep: Join(", ", "a", "b") is "a, b".
// With no parts it returns "".
func Join(sep string, parts ...string) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
