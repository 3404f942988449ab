// Exercise: cache-aside in front of a database.
//
// Store reads products from SQL (the tables are shown below). Prices are read far
// more often than they change, so put a cache beside the database:
//
//   - Get looks in the cache first; on a miss it reads the database and puts
//     what it read in the cache, so the next Get of that id runs no query.
//   - SetPrice changes the database, then removes the product from the cache
//     (invalidates it), so no Get after SetPrice returns sees the old price.
//     Invalidate only after the transaction has committed: a Get that runs
//     while the write is still in progress reads the old price from the
//     database and would put it straight back into the cache.
//   - Many goroutines use one Store: guard the cache with a lock (and do not
//     hold it while talking to the database).
//
// The tables:
//
//	CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL,
//	                       price_cents INTEGER NOT NULL);
//	CREATE TABLE price_history (product_id INTEGER NOT NULL,
//	                            price_cents INTEGER NOT NULL);
//
// As written, every Get queries the database. You are done when
// `backendlings run cache_aside` passes (the tests run with -race, on
// SQLite, or on PostgreSQL when DATABASE_URL is set).
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
	var p Product
	err := s.db.QueryRowContext(ctx,
		"SELECT id, name, price_cents FROM products WHERE id = $1", id,
	).Scan(&p.ID, &p.Name, &p.PriceCents)
	if errors.Is(err, sql.ErrNoRows) {
		return Product{}, fmt.Errorf("get product %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Product{}, fmt.Errorf("get product %d: %w", id, err)
	}
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
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("set price of %d: %w", id, err)
	}
	return nil
}
