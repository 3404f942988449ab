// Wrong: makes n positive first, but -math.MinInt overflows back to
// math.MinInt, which is still negative, so the loop never runs.
package digits

// DigitSum returns the sum of the decimal digits of n, ignoring its sign:
// DigitSum(1234) is 10, DigitSum(-123) is 6 and DigitSum(0) is 0.
// It works for every int, math.MinInt and math.MaxInt included.
func DigitSum(n int) int {
	if n < 0 {
		n = -n
	}
	sum := 0
	for n > 0 {
		sum += n % 10
		n /= 10
	}
	return sum
}
