// Looks up the destination first and runs the body in a run helper whose error decides Commit or Rollback.
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

func run(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

func exists(ctx context.Context, tx *sql.Tx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM accounts WHERE id = $1`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("account %d: %w", id, ErrAccountNotFound)
	}
	return err
}

// Transfer moves amount cents from the account from to the account to, in
// the table accounts(id, owner, balance).
func Transfer(ctx context.Context, db *sql.DB, from, to, amount int64) error {
	if amount <= 0 {
		return ErrInvalidAmount
	}
	return run(ctx, db, func(tx *sql.Tx) error {
		if err := exists(ctx, tx, to); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx,
			`UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1`, amount, from)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			if err := exists(ctx, tx, from); err != nil {
				return err
			}
			return fmt.Errorf("account %d: %w", from, ErrInsufficientFunds)
		}
		_, err = tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, amount, to)
		return err
	})
}
