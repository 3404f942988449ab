// Package dbdemo holds the code shown in the chapter on databases.
package dbdemo

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	// pgx's adapter for database/sql registers the driver "pgx".
	_ "github.com/jackc/pgx/v5/stdlib"
)

// ANCHOR: open-postgres
// openPostgres opens a pool on a PostgreSQL server, for example
// "postgres://app:secret@db.internal:5432/shop?sslmode=verify-full".
func openPostgres(ctx context.Context, url string) (*sql.DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(20)
	db.SetConnMaxLifetime(30 * time.Minute)
	db.SetConnMaxIdleTime(5 * time.Minute)

	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return db, nil
}

// ANCHOR_END: open-postgres

var _ = openPostgres
