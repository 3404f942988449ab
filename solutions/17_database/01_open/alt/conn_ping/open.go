// Checks the database by taking one connection with db.Conn(ctx) and pinging it, instead of db.PingContext.
package dbpool

import (
	"context"
	"database/sql"
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

// Open opens a pool for the driver and data source name, applies cfg and
// checks, within ctx, that the database answers.
func Open(ctx context.Context, driver, dsn string, cfg PoolConfig) (_ *sql.DB, err error) {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", driver, err)
	}
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	db.SetMaxIdleConns(cfg.MaxIdleConns)
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)

	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	if err := conn.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("ping: %w", err)
	}
	return db, nil
}
