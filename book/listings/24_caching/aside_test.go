package caching

import (
	"context"
	"database/sql"
	"sync"
)

type Account struct {
	ID      int64
	Balance int64
}

type Accounts struct {
	db    *sql.DB
	mu    sync.Mutex
	cache map[int64]Account
}

func (s *Accounts) load(ctx context.Context, id int64) (Account, error) {
	a := Account{ID: id}
	err := s.db.QueryRowContext(ctx,
		"SELECT balance FROM accounts WHERE id = $1", id).Scan(&a.Balance)
	return a, err
}

// ANCHOR: aside
func (s *Accounts) Get(ctx context.Context, id int64) (Account, error) {
	s.mu.Lock()
	a, ok := s.cache[id]
	s.mu.Unlock()
	if ok {
		return a, nil // hit
	}
	a, err := s.load(ctx, id) // miss: read the database, without the lock
	if err != nil {
		return Account{}, err
	}
	s.mu.Lock()
	s.cache[id] = a
	s.mu.Unlock()
	return a, nil
}

func (s *Accounts) Deposit(ctx context.Context, id, amount int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		"UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, id,
	); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	// After the commit, never before: until then a reader still gets the
	// old row from the database, and would cache it again.
	s.mu.Lock()
	delete(s.cache, id)
	s.mu.Unlock()
	return nil
}

// ANCHOR_END: aside
