// Uses context.WithDeadline and a separate run helper instead of WithTimeout inline.
package orders

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Store reads orders from the table orders(id, customer, total_cents).
type Store struct {
	DB *sql.DB
	// Timeout bounds every query; the caller's context may end sooner.
	Timeout time.Duration
}

func (s *Store) run(ctx context.Context, query string, dest any, args ...any) error {
	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(s.Timeout))
	defer cancel()
	return s.DB.QueryRowContext(ctx, query, args...).Scan(dest)
}

// CountOrders returns how many orders customer has placed.
func (s *Store) CountOrders(ctx context.Context, customer string) (int, error) {
	var n int
	if err := s.run(ctx, `SELECT count(*) FROM orders WHERE customer = $1`, &n, customer); err != nil {
		return 0, fmt.Errorf("count orders: %w", err)
	}
	return n, nil
}
