// Wrong: notices a duplicate version only when it reaches it, after applying the migrations before it.
// Migrate runs every migration every time, so the second start of the
// service fails ("table already exists"). Apply, in Version order, only
// the migrations not yet recorded in schema_migrations, each in its own
// transaction together with the row that records it. Stop at the first
// failure, returning an error (wrapped) that names its version and name.
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

// Migrate applies the migrations that db has not seen yet and returns how
// many it applied. Two migrations with the same version are an error,
// returned before anything is applied.
func Migrate(ctx context.Context, db *sql.DB, migrations []Migration) (int, error) {
	// Sort a copy: the caller's slice is not ours to reorder.
	sorted := slices.SortedFunc(slices.Values(migrations), func(a, b Migration) int {
		return cmp.Compare(a.Version, b.Version)
	})

	if _, err := db.ExecContext(ctx, createTable); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	done, err := appliedVersions(ctx, db)
	if err != nil {
		return 0, err
	}

	applied := 0
	for i, m := range sorted {
		if i > 0 && sorted[i-1].Version == m.Version {
			return applied, fmt.Errorf("migrations %q and %q share version %d", sorted[i-1].Name, m.Name, m.Version)
		}
		if done[m.Version] {
			continue
		}
		if err := apply(ctx, db, m); err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		applied++
	}
	return applied, nil
}

// appliedVersions reads the versions recorded in schema_migrations.
func appliedVersions(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		done[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read schema_migrations: %w", err)
	}
	return done, nil
}

// apply runs one migration and records it, in one transaction: either both
// happen or neither does.
func apply(ctx context.Context, db *sql.DB, m Migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
		return err
	}
	return tx.Commit()
}
