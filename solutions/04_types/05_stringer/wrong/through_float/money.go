// Wrong: goes through float64, which cannot hold large amounts exactly.
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
	amount := fmt.Sprintf("%.2f", float64(m.Cents)/100)
	if m.Currency == "" {
		return amount
	}
	return amount + " " + m.Currency
}
