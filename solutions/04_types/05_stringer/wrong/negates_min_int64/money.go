// Wrong: negates Cents to drop the sign, but -math.MinInt64 does not fit in
// an int64 and stays negative, so the most negative amount prints garbled.
package money

import "fmt"

// Money is an amount of a currency, in cents (hundredths).
type Money struct {
	Cents    int64
	Currency string // an ISO 4217 code such as "EUR"; may be empty
}

// String formats m as "12.34 EUR".
func (m Money) String() string {
	sign, c := "", m.Cents
	if c < 0 {
		sign, c = "-", -c
	}
	s := fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
	if m.Currency != "" {
		s += " " + m.Currency
	}
	return s
}
