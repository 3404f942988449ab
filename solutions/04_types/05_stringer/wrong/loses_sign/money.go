// Wrong: divides the signed amount, so -5 cents gives 0 euros and the minus
// sign is lost.
// Exercise: fmt.Stringer.
//
// fmt prints a Money as "{1234 EUR}". Give Money a String method, so that
// fmt prints "12.34 EUR" instead, in the exact format described below.
package money

import "fmt"

// Money is an amount of a currency, in cents (hundredths).
type Money struct {
	Cents    int64
	Currency string // an ISO 4217 code such as "EUR"; may be empty
}

// String formats m as the amount with two decimals, a space and the
// currency: "12.34 EUR", "-0.05 USD"; just "1.00" without a currency.
func (m Money) String() string {
	frac := m.Cents % 100
	if frac < 0 {
		frac = -frac
	}
	amount := fmt.Sprintf("%d.%02d", m.Cents/100, frac)
	if m.Currency == "" {
		return amount
	}
	return amount + " " + m.Currency
}
