package digits

import (
	"math"
	"strconv"
	"testing"
)

// testSumOfDigitsIn adds the digits written in s, skipping a minus sign: an
// independent way to compute what DigitSum should return.
func testSumOfDigitsIn(s string) int {
	sum := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			sum += int(r - '0')
		}
	}
	return sum
}

func TestDigitSum(t *testing.T) {
	cases := []struct {
		name string
		n    int
		want int
	}{
		{"zero", 0, 0},
		{"one digit", 7, 7},
		{"ten", 10, 1},
		{"several digits", 1234, 10},
		{"nines", 9999, 36},
		{"zeros inside", 1002003, 6},
		{"a power of ten", 1000000, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DigitSum(c.n); got != c.want {
				t.Errorf("DigitSum(%d) = %d, want %d", c.n, got, c.want)
			}
		})
	}
}

func TestDigitSumNegative(t *testing.T) {
	cases := []struct {
		name string
		n    int
		want int
	}{
		{"minus one digit", -7, 7},
		{"minus ten", -10, 1},
		{"minus several digits", -123, 6},
		{"minus nines", -9999, 36},
	}
	explained := false // explain a mistake once, not in every subtest
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := DigitSum(c.n); got != c.want {
				note := ""
				switch {
				case explained:
				case got == -c.want:
					note = " (in Go, n % 10 is negative when n is: take the absolute value of each digit)"
					explained = true
				case got == 0 && DigitSum(7) == 7:
					note = " (a negative number has digits too: loop while n != 0, not while n > 0)"
					explained = true
				}
				t.Errorf("DigitSum(%d) = %d, want %d%s", c.n, got, c.want, note)
			}
		})
	}
}

func TestDigitSumExtremes(t *testing.T) {
	t.Run("math.MaxInt", func(t *testing.T) {
		want := testSumOfDigitsIn(strconv.Itoa(math.MaxInt))
		if got := DigitSum(math.MaxInt); got != want {
			t.Errorf("DigitSum(%d) = %d, want %d", math.MaxInt, got, want)
		}
	})
	t.Run("math.MinInt", func(t *testing.T) {
		want := testSumOfDigitsIn(strconv.Itoa(math.MinInt))
		if got := DigitSum(math.MinInt); got != want {
			note := ""
			if DigitSum(-123) == 6 {
				note = " (other negative numbers work: -n overflows for math.MinInt, because no int is as large as -math.MinInt, so -n is still negative; take the absolute value of each digit instead of n)"
			}
			t.Errorf("DigitSum(%d) = %d, want %d%s", math.MinInt, got, want, note)
		}
	})
}
