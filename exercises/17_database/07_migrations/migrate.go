// Migrate runs every migration every time, so the second start of the
// service fails ("table already exists"). Apply, in Version order, only
// the migrations not yet recorded in schema_migrations, each in its own
// transaction together with the row that records it. Stop at the first
// failure, returning an error (wrapped) that names its version and name.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
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
	if _, err := db.ExecContext(ctx, createTable); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	// TODO: sort, skip what is recorded, one transaction per migration.
	applied := 0
	for _, m := range migrations {
		if _, err := db.ExecContext(ctx, m.SQL); err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
		applied++
	}
	return applied, nil
}
