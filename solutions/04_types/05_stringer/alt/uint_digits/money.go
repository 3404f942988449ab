// Alternative: takes the magnitude as a uint64 (exact even for the most
// negative int64), formats it with strconv and pads the cents by hand.
package money

import "strconv"

// Money is an amount of a currency, in cents (hundredths).
type Money struct {
	Cents    int64
	Currency string // an ISO 4217 code such as "EUR"; may be empty
}

// String returns the amount with two decimals, then a space and the
// currency when there is one: "12.34 EUR".
func (m Money) String() string {
	sign := ""
	u := uint64(m.Cents)
	if m.Cents < 0 {
		sign = "-"
		u = -u
	}
	cents := strconv.FormatUint(u%100, 10)
	if len(cents) == 1 {
		cents = "0" + cents
	}
	s := sign + strconv.FormatUint(u/100, 10) + "." + cents
	if m.Currency != "" {
		s += " " + m.Currency
	}
	return s
}
