// Alternative: recursion instead of a loop; the last digit's sign is dropped
// by a small helper before adding it.
package digits

// DigitSum returns the sum of the decimal digits of n, ignoring its sign:
// DigitSum(1234) is 10, DigitSum(-123) is 6 and DigitSum(0) is 0.
// It works for every int, math.MinInt and math.MaxInt included.
func DigitSum(n int) int {
	if n == 0 {
		return 0
	}
	return abs(n%10) + DigitSum(n/10)
}

func abs(d int) int {
	if d < 0 {
		return -d
	}
	return d
}
