package types

import "fmt"

// ANCHOR: trap
// QuotaError says a customer went over their quota.
type QuotaError struct {
	Customer string
}

func (e *QuotaError) Error() string {
	return "quota exceeded for " + e.Customer
}

// checkQuotaBroken has the bug: it returns a *QuotaError variable, nil or
// not, as an error.
func checkQuotaBroken(customer string, used, limit int) error {
	var qe *QuotaError
	if used > limit {
		qe = &QuotaError{Customer: customer}
	}
	return qe // when qe is nil: an error holding (*QuotaError)(nil)
}

func ExampleQuotaError_trap() {
	err := checkQuotaBroken("acme", 10, 100)
	fmt.Println(err == nil)
	fmt.Printf("%T %v\n", err, err == (*QuotaError)(nil))
	// Output:
	// false
	// *types.QuotaError true
}

// ANCHOR_END: trap

// ANCHOR: fix
// checkQuota returns a plain nil when there is no error.
func checkQuota(customer string, used, limit int) error {
	if used > limit {
		return &QuotaError{Customer: customer}
	}
	return nil
}

func ExampleQuotaError_fixed() {
	fmt.Println(checkQuota("acme", 10, 100) == nil)
	fmt.Println(checkQuota("acme", 200, 100))
	// Output:
	// true
	// quota exceeded for acme
}

// ANCHOR_END: fix
