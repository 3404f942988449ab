// Alternative: turns n into its decimal text and adds up the digit
// characters, skipping the minus sign.
package digits

import "strconv"

// DigitSum returns the sum of the decimal digits of n, ignoring its sign:
// DigitSum(1234) is 10, DigitSum(-123) is 6 and DigitSum(0) is 0.
// It works for every int, math.MinInt and math.MaxInt included.
func DigitSum(n int) int {
	sum := 0
	for _, c := range strconv.Itoa(n) {
		if c >= '0' && c <= '9' {
			sum += int(c - '0')
		}
	}
	return sum
}
