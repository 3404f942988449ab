// CountOrders waits for the database as long as it takes: a slow query
// holds the caller (and a connection) forever. Bound it: derive a context
// from ctx with context.WithTimeout(ctx, s.Timeout), defer its cancel, and
// run the query with QueryRowContext. Return the error wrapped with %w.
package orders

import (
	"context"
	"database/sql"
	"time"
)

// Store reads orders from the table orders(id, customer, total_cents).
type Store struct {
	DB *sql.DB
	// Timeout bounds every query; the caller's context may end sooner.
	Timeout time.Duration
}

// CountOrders returns how many orders customer has placed.
func (s *Store) CountOrders(ctx context.Context, customer string) (int, error) {
	var n int
	// TODO: bound the query by s.Timeout and by ctx.
	err := s.DB.QueryRow(`SELECT count(*) FROM orders WHERE customer = $1`, customer).Scan(&n)
	if err != nil {
		return 0, err
	}
	return n, nil
}
