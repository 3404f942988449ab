// Wrong: adds s.Timeout to a background context once per call and ignores the caller's ctx when it is longer-lived than the query.
// CountOrders waits for the database as long as it takes: a slow query
// holds the caller (and a connection) forever. Bound it: derive a context
// from ctx with context.WithTimeout(ctx, s.Timeout), defer its cancel, and
// run the query with QueryRowContext. Return the error wrapped with %w.
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
	// The new context ends at whichever comes first: ctx's end or the
	// timeout. cancel releases its timer as soon as the query is done.
	qctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.Timeout)
	defer cancel()
	var n int
	err := s.DB.QueryRowContext(qctx, `SELECT count(*) FROM orders WHERE customer = $1`, customer).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count orders of %q: %w", customer, err)
	}
	return n, nil
}
