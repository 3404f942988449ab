// Asks inside each migration's transaction whether it is recorded (QueryRow) instead of loading a map first.
package migrate

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Migration is one step of the schema's history. SQL may hold several
// statements separated by semicolons.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// createTable creates the table that records the applied migrations.
const createTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name    TEXT NOT NULL
)`

// apply runs m unless it is recorded; it reports whether it ran.
func apply(ctx context.Context, db *sql.DB, m Migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

// Migrate applies the migrations that db has not seen yet and returns how
// many it applied. Two migrations with the same version are an error,
// returned before anything is applied.
func Migrate(ctx context.Context, db *sql.DB, migrations []Migration) (int, error) {
	sorted := slices.Clone(migrations)
	slices.SortStableFunc(sorted, func(a, b Migration) int { return cmp.Compare(a.Version, b.Version) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Version == sorted[i-1].Version {
			return 0, fmt.Errorf("migrations %q and %q share version %d", sorted[i-1].Name, sorted[i].Name, sorted[i].Version)
		}
	}
	if _, err := db.ExecContext(ctx, createTable); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	applied := 0
	for _, m := range sorted {
		ran, err := apply(ctx, db, m)
		if err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		if ran {
			applied++
		}
	}
	return applied, nil
}
