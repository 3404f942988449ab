// Transfer runs two separate updates: when the second one fails, or the
// money is not there, the first has already happened. Make it all or
// nothing: BeginTx, defer tx.Rollback(), both updates on tx, Commit.
// Return ErrInvalidAmount, ErrAccountNotFound or ErrInsufficientFunds
// (wrapped) as the comments say, leaving every balance unchanged.
package bank

import (
	"context"
	"database/sql"
	"errors"
)

var (
	// ErrInvalidAmount: amount is zero or negative.
	ErrInvalidAmount = errors.New("amount must be positive")
	// ErrAccountNotFound: from or to is not an account.
	ErrAccountNotFound = errors.New("account not found")
	// ErrInsufficientFunds: from holds less than amount.
	ErrInsufficientFunds = errors.New("insufficient funds")
)

// Transfer moves amount cents from the account from to the account to, in
// the table accounts(id, owner, balance).
func Transfer(ctx context.Context, db *sql.DB, from, to, amount int64) error {
	// TODO: one transaction, and the three checks.
	if _, err := db.ExecContext(ctx, `UPDATE accounts SET balance = balance - $1 WHERE id = $2`, amount, from); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, amount, to); err != nil {
		return err
	}
	return nil
}
