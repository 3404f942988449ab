// Exercise: fmt.Stringer.
//
// fmt prints a Money as "{1234 EUR}". Give Money a String method, so that
// fmt prints "12.34 EUR" instead, in the exact format described below.
package money

// Money is an amount of a currency, in cents (hundredths).
type Money struct {
	Cents    int64
	Currency string // an ISO 4217 code such as "EUR"; may be empty
}

// TODO: write String() string for Money. It returns the amount with exactly
// two decimals, then a space and the currency:
//
//	Money{Cents: 1234, Currency: "EUR"}    prints as "12.34 EUR"
//	Money{Cents: 5, Currency: "USD"}       prints as "0.05 USD"
//	Money{Cents: -1050, Currency: "EUR"}   prints as "-10.50 EUR"
//	Money{Cents: -5, Currency: "EUR"}      prints as "-0.05 EUR"
//	Money{Cents: 100}                      prints as "1.00" (no currency: no space)
//	Money{Cents: 900000000000000001, Currency: "JPY"}
//	                                       prints as "9000000000000000.01 JPY"
//
// The amount is exact, however large, math.MinInt64 and math.MaxInt64
// included. fmt must use String for a Money value, not only for a *Money:
// fmt.Println(m) with m a Money prints "12.34 EUR".
