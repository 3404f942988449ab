// Applies the settings in a helper and joins the close error with the ping error.
package dbpool

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver name "pgx": PostgreSQL
	_ "modernc.org/sqlite"             // driver name "sqlite": SQLite, in pure Go
)

// PoolConfig says how many connections the pool keeps and for how long.
type PoolConfig struct {
	MaxOpenConns    int           // at most this many connections at once (0: no limit)
	MaxIdleConns    int           // keep at most this many idle ones for reuse
	ConnMaxLifetime time.Duration // replace a connection this old (0: never)
}

func config(db *sql.DB, cfg PoolConfig) {
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetMaxIdleConns(cfg.MaxIdleConns)
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)
}

// Open opens a pool for the driver and data source name, applies cfg and
// checks, within ctx, that the database answers.
func Open(ctx context.Context, driver, dsn string, cfg PoolConfig) (*sql.DB, error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", driver, err)
	}
	config(db, cfg)
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping %s: %w", driver, errors.Join(err, db.Close()))
	}
	return db, nil
}
