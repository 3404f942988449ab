// Wrong: when the ping fails, the pool is returned as nil but never closed.
// Open hands back a pool without checking that the database answers, and
// with the pool's default settings. Apply cfg with the three Set… methods,
// then check the connection with PingContext(ctx): on failure, close the
// pool and return nil and the error, wrapped with %w.
package dbpool

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	// A driver registers itself with database/sql when its package is
	// imported; the blank identifier imports it for that effect alone.
	_ "github.com/jackc/pgx/v5/stdlib" // driver name "pgx": PostgreSQL
	_ "modernc.org/sqlite"             // driver name "sqlite": SQLite, in pure Go
)

// PoolConfig says how many connections the pool keeps and for how long.
type PoolConfig struct {
	MaxOpenConns    int           // at most this many connections at once (0: no limit)
	MaxIdleConns    int           // keep at most this many idle ones for reuse
	ConnMaxLifetime time.Duration // replace a connection this old (0: never)
}

// Open opens a pool for the driver and data source name, applies cfg and
// checks, within ctx, that the database answers.
func Open(ctx context.Context, driver, dsn string, cfg PoolConfig) (*sql.DB, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", driver, err)
	}
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetMaxIdleConns(cfg.MaxIdleConns)
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)
	// sql.Open only checked its arguments: the first connection is made
	// here, so this is where a wrong address or password shows up.
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("connect to %s: %w", driver, err)
	}
	return db, nil
}
