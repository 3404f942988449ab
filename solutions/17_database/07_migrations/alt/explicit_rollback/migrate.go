// Loads the recorded versions into a map, sorts with sort.Slice, and rolls back explicitly on each error.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
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

func load(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

// Migrate applies the migrations that db has not seen yet and returns how
// many it applied. Two migrations with the same version are an error,
// returned before anything is applied.
func Migrate(ctx context.Context, db *sql.DB, migrations []Migration) (int, error) {
	if _, err := db.ExecContext(ctx, createTable); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	sorted := make([]Migration, len(migrations))
	copy(sorted, migrations)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Version < sorted[j].Version })
	seen := map[int]string{}
	for _, m := range sorted {
		if name, ok := seen[m.Version]; ok {
			return 0, fmt.Errorf("version %d used twice (%s, %s)", m.Version, name, m.Name)
		}
		seen[m.Version] = m.Name
	}
	done, err := load(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("read schema_migrations: %w", err)
	}
	applied := 0
	for _, m := range sorted {
		if done[m.Version] {
			continue
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			tx.Rollback()
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
			tx.Rollback()
			return applied, fmt.Errorf("migration %d (%s): record: %w", m.Version, m.Name, err)
		}
		if err := tx.Commit(); err != nil {
			return applied, fmt.Errorf("migration %d (%s): commit: %w", m.Version, m.Name, err)
		}
		applied++
	}
	return applied, nil
}
