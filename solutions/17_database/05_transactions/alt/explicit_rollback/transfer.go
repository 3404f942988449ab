// Calls tx.Rollback explicitly on every error path instead of deferring it.
package bank

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	if amount <= 0 {
		return fmt.Errorf("transfer %d: %w", amount, ErrInvalidAmount)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	res, err := tx.ExecContext(ctx,
		`UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1`, amount, from)
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("debit %d: %w", from, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("debit %d: %w", from, err)
	}
	if n == 0 {
		var balance int64
		err := tx.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1`, from).Scan(&balance)
		tx.Rollback()
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("account %d: %w", from, ErrAccountNotFound)
		case err != nil:
			return fmt.Errorf("debit %d: %w", from, err)
		default:
			return fmt.Errorf("account %d holds %d, needs %d: %w", from, balance, amount, ErrInsufficientFunds)
		}
	}
	res, err = tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, amount, to)
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("credit %d: %w", to, err)
	}
	n, err = res.RowsAffected()
	if err != nil {
		tx.Rollback()
		return fmt.Errorf("credit %d: %w", to, err)
	}
	if n == 0 {
		tx.Rollback()
		return fmt.Errorf("account %d: %w", to, ErrAccountNotFound)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}
