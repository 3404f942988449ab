// Package digits adds up the digits of numbers, as check digits do.
//
// Write DigitSum with a for loop that runs while digits are left: n % 10 is
// the last digit, n /= 10 drops it. Careful with negative numbers: in Go,
// -123 % 10 is -3, not 3.
package digits

// DigitSum returns the sum of the decimal digits of n, ignoring its sign:
// DigitSum(1234) is 10, DigitSum(-123) is 6 and DigitSum(0) is 0.
// It works for every int, math.MinInt and math.MaxInt included.
func DigitSum(n int) int {
	return 0 // TODO
}
