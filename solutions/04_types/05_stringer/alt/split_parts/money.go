// Alternative: splits the signed amount into units and cents first and
// makes each part positive afterwards, so no negation can overflow; the
// currency is joined with strings.Join.
package money

import (
	"fmt"
	"strings"
)

// Money is an amount of a currency, in cents (hundredths).
type Money struct {
	Cents    int64
	Currency string // an ISO 4217 code such as "EUR"; may be empty
}

// String returns the amount with two decimals, then a space and the
// currency when there is one: "12.34 EUR".
func (m Money) String() string {
	units, cents := m.Cents/100, m.Cents%100
	sign := ""
	if m.Cents < 0 {
		sign, units, cents = "-", -units, -cents
	}
	parts := []string{fmt.Sprintf("%s%d.%02d", sign, units, cents)}
	if m.Currency != "" {
		parts = append(parts, m.Currency)
	}
	return strings.Join(parts, " ")
}
