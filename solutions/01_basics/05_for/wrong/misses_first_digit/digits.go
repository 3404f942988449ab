// Wrong: stops as soon as one digit is left, without adding it.
package digits

// DigitSum returns the sum of the decimal digits of n, ignoring its sign:
// DigitSum(1234) is 10, DigitSum(-123) is 6 and DigitSum(0) is 0.
// It works for every int, math.MinInt and math.MaxInt included.
func DigitSum(n int) int {
	if n < 0 {
		n = -n
	}
	sum := 0
	for n >= 10 {
		sum += n % 10
		n /= 10
	}
	return sum
}
