// Reads the count with QueryContext and rows.Next instead of QueryRowContext.
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

// CountOrders returns how many orders customer has placed.
func (s *Store) CountOrders(ctx context.Context, customer string) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	rows, err := s.DB.QueryContext(ctx, `SELECT count(*) FROM orders WHERE customer = $1`, customer)
	if err != nil {
		return 0, fmt.Errorf("count orders of %q: %w", customer, err)
	}
	defer rows.Close()
	var n int
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, fmt.Errorf("count orders of %q: %w", customer, err)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("count orders of %q: %w", customer, err)
	}
	return n, nil
}
