// Wrong: invalidates inside the transaction, before Commit; a Get in
// between still reads the old, committed price and caches it again.
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
	db *sql.DB

	mu    sync.Mutex
	cache map[int64]Product
}

// NewStore returns a Store over db, with an empty cache.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db, cache: make(map[int64]Product)}
}

// Get returns the product with that id.
func (s *Store) Get(ctx context.Context, id int64) (Product, error) {
	s.mu.Lock()
	p, ok := s.cache[id]
	s.mu.Unlock()
	if ok {
		return p, nil
	}

	err := s.db.QueryRowContext(ctx,
		"SELECT id, name, price_cents FROM products WHERE id = $1", id,
	).Scan(&p.ID, &p.Name, &p.PriceCents)
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, fmt.Errorf("get product %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Product{}, fmt.Errorf("get product %d: %w", id, err)
	}
	s.mu.Lock()
	s.cache[id] = p
	s.mu.Unlock()
	return p, nil
}

// SetPrice changes the price of a product and records it in price_history,
// in one transaction.
func (s *Store) SetPrice(ctx context.Context, id, cents int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	}
	defer tx.Rollback() // does nothing once committed

	res, err := tx.ExecContext(ctx, "UPDATE products SET price_cents = $1 WHERE id = $2", cents, id)
	if err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("set price of %d: %w", id, ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx,
		"INSERT INTO price_history (product_id, price_cents) VALUES ($1, $2)", id, cents,
	); err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	}
	s.mu.Lock()
	delete(s.cache, id)
	s.mu.Unlock()
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	}
	return nil
}
