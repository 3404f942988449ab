// Alternative: a sync.Map as the cache, the write in one statement with
// RETURNING instead of a check of RowsAffected, and the history insert
// after it in the same transaction; the entry is deleted after the commit.
package catalog

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// ErrNotFound is returned, wrapped, when there is no product with that id.
var ErrNotFound = errors.New("product not found")

// Product is one row of the products table.
type Product struct {
	ID         int64
	Name       string
	PriceCents int64
}

// Store reads and writes products, with a cache in front of the database.
type Store struct {
	db     *sql.DB
	cached sync.Map // int64 → Product
}

// NewStore returns a Store over db, with an empty cache.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// Get returns the product with that id.
func (s *Store) Get(ctx context.Context, id int64) (Product, error) {
	if v, ok := s.cached.Load(id); ok {
		return v.(Product), nil
	}
	var p Product
	err := s.db.QueryRowContext(ctx,
		"SELECT id, name, price_cents FROM products WHERE id = $1", id,
	).Scan(&p.ID, &p.Name, &p.PriceCents)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return Product{}, fmt.Errorf("product %d: %w", id, ErrNotFound)
	case err != nil:
		return Product{}, fmt.Errorf("product %d: %w", id, err)
	}
	s.cached.Store(id, p)
	return p, nil
}

// SetPrice changes the price of a product and records it in price_history,
// in one transaction.
func (s *Store) SetPrice(ctx context.Context, id, cents int64) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("set price of %d: %w", id, err)
		}
	}()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	var got int64
	err = tx.QueryRowContext(ctx,
		"UPDATE products SET price_cents = $1 WHERE id = $2 RETURNING id", cents, id,
	).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		"INSERT INTO price_history (product_id, price_cents) VALUES ($1, $2)", id, cents,
	); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.cached.Delete(id)
	return nil
}
