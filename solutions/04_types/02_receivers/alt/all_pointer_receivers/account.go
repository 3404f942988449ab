// Alternative: every method, Balance included, has a pointer receiver, and
// DepositAll ranges over the indexes with range len.
package bank

import "errors"

// ErrInsufficientFunds is returned by Withdraw when the balance is too low.
var ErrInsufficientFunds = errors.New("insufficient funds")

// Account is a bank account. Its zero value is an empty account.
type Account struct {
	Owner   string
	balance int // in cents
}

// Balance returns the balance in cents.
func (a *Account) Balance() int {
	return a.balance
}

// Deposit adds amount cents to the balance.
func (a *Account) Deposit(amount int) {
	a.balance += amount
}

// Withdraw takes amount cents from the balance. When the balance is lower
// than amount, it changes nothing and returns ErrInsufficientFunds.
func (a *Account) Withdraw(amount int) error {
	if a.balance < amount {
		return ErrInsufficientFunds
	}
	a.balance -= amount
	return nil
}

// DepositAll deposits amount cents into every account of the slice.
func DepositAll(accounts []Account, amount int) {
	for i := range len(accounts) {
		(&accounts[i]).Deposit(amount)
	}
}
