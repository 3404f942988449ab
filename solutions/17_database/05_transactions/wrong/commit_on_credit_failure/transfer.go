// Wrong: when the destination does not exist it commits anyway: the debit stays and the money disappears.
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
		return fmt.Errorf("transfer: %w", err)
	}
	// Every return before Commit undoes what tx did. After a successful
	// Commit, Rollback does nothing (it returns sql.ErrTxDone).
	defer tx.Rollback()

	// One statement checks and debits: the row is locked from the check to
	// the end of the transaction, so two transfers cannot both spend the
	// same money.
	res, err := tx.ExecContext(ctx,
		`UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1`, amount, from)
	if err != nil {
		return fmt.Errorf("debit account %d: %w", from, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("debit account %d: %w", from, err)
	} else if n == 0 {
		// Either there is no such account or it holds too little.
		var balance int64
		err := tx.QueryRowContext(ctx, `SELECT balance FROM accounts WHERE id = $1`, from).Scan(&balance)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("debit account %d: %w", from, ErrAccountNotFound)
		}
		if err != nil {
			return fmt.Errorf("debit account %d: %w", from, err)
		}
		return fmt.Errorf("debit account %d (balance %d) by %d: %w", from, balance, amount, ErrInsufficientFunds)
	}

	res, err = tx.ExecContext(ctx, `UPDATE accounts SET balance = balance + $1 WHERE id = $2`, amount, to)
	if err != nil {
		return fmt.Errorf("credit account %d: %w", to, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("credit account %d: %w", to, err)
	} else if n == 0 {
		tx.Commit()
		return fmt.Errorf("credit account %d: %w", to, ErrAccountNotFound)
	}

	if err := tx.Commit(); err != nil {
		return fmt.Errorf("transfer: commit: %w", err)
	}
	return nil
}
