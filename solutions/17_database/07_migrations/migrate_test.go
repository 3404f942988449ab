package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// testOpenTestDB opens an empty database for one test: a SQLite file in
// t.TempDir(), or, when DATABASE_URL is set, a new PostgreSQL schema that is
// dropped when the test ends. postgres says which one it is.
func testOpenTestDB(t *testing.T) (db *sql.DB, postgres bool) {
	t.Helper()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		// busy_timeout: wait up to 10s for a lock held by another
		// connection instead of failing at once; _txlock=immediate: a
		// transaction takes the write lock when it begins.
		dsn := "file:" + filepath.Join(t.TempDir(), "test.db") + "?_pragma=busy_timeout(10000)&_txlock=immediate"
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			t.Fatalf("open SQLite: %v", err)
		}
		t.Cleanup(func() { db.Close() })
		return db, false
	}
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open DATABASE_URL: %v", err)
	}
	schema := fmt.Sprintf("test_%d_%x", os.Getpid(), rand.Uint64())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create a schema for the test in DATABASE_URL: %v", err)
	}
	// Every connection of the test's pool starts in the new schema.
	switch {
	case !strings.Contains(url, "://"): // key=value form
		url += " search_path=" + schema
	case strings.Contains(url, "?"):
		url += "&search_path=" + schema
	default:
		url += "?search_path=" + schema
	}
	db, err = sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open DATABASE_URL: %v", err)
	}
	t.Cleanup(func() {
		db.Close()
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	return db, true
}

// testExec runs setup statements, failing the test on the first error.
func testExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("test setup: %s: %v", s, err)
		}
	}
}

// testCheckReleased fails the test when the function left a connection checked out
// (rows never closed, a transaction never ended).
func testCheckReleased(t *testing.T, db *sql.DB, call string) {
	t.Helper()
	if n := db.Stats().InUse; n != 0 {
		t.Errorf("after %s returned, %d connection(s) of the pool are still in use: close every *sql.Rows (defer rows.Close()) and end every transaction (defer tx.Rollback())", call, n)
	}
}

// testHistory is a small schema's history: three migrations, the second with
// two statements.
var testHistory = []Migration{
	{Version: 1, Name: "create_users", SQL: `CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`},
	{Version: 2, Name: "create_orders", SQL: `CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), total_cents INTEGER NOT NULL);
CREATE INDEX orders_by_user ON orders (user_id)`},
	{Version: 3, Name: "add_user_email", SQL: `ALTER TABLE users ADD COLUMN email TEXT`},
}

// testRecorded lists the rows of schema_migrations as "1:create_users" strings.
func testRecorded(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `SELECT version, name FROM schema_migrations ORDER BY version`)
	if err != nil {
		t.Fatalf("reading schema_migrations: %v", err)
	}
	defer rows.Close()
	got := []string{}
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			t.Fatalf("reading schema_migrations: %v", err)
		}
		got = append(got, fmt.Sprintf("%d:%s", v, name))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("reading schema_migrations: %v", err)
	}
	return got
}

func testCheckRecorded(t *testing.T, db *sql.DB, after string, want ...string) {
	t.Helper()
	if got := testRecorded(t, db); !slices.Equal(got, want) {
		t.Fatalf("after %s, schema_migrations holds %v, want %v", after, got, want)
	}
}

// testWorks fails the test unless query runs: the schema has what it uses.
func testWorks(t *testing.T, db *sql.DB, after, query string) {
	t.Helper()
	if _, err := db.ExecContext(t.Context(), query); err != nil {
		t.Fatalf("after %s, %s fails: %v", after, query, err)
	}
}

// testAbsent fails the test if query runs: what it uses must not exist.
func testAbsent(t *testing.T, db *sql.DB, after, query, what string) {
	t.Helper()
	if _, err := db.ExecContext(t.Context(), query); err == nil {
		t.Fatalf("after %s, %s exists: %s ran without error", after, what, query)
	}
}

func testMigrate(t *testing.T, db *sql.DB, ms []Migration, wantApplied int) {
	t.Helper()
	n, err := Migrate(t.Context(), db, ms)
	if err != nil || n != wantApplied {
		t.Fatalf("Migrate(versions %v) = %d, %v; want %d, nil", testVersions(ms), n, err, wantApplied)
	}
	testCheckReleased(t, db, "Migrate")
}

func testVersions(ms []Migration) []int {
	vs := make([]int, len(ms))
	for i, m := range ms {
		vs[i] = m.Version
	}
	return vs
}

func TestFreshDatabase(t *testing.T) {
	db, _ := testOpenTestDB(t)
	shuffled := []Migration{testHistory[2], testHistory[0], testHistory[1]}
	n, err := Migrate(t.Context(), db, shuffled)
	if err != nil || n != 3 {
		t.Fatalf("Migrate(versions [3 1 2]) = %d, %v; want 3, nil: apply the migrations sorted by Version, whatever their order in the slice", n, err)
	}
	testCheckReleased(t, db, "Migrate")
	testCheckRecorded(t, db, "the first Migrate", "1:create_users", "2:create_orders", "3:add_user_email")
	testWorks(t, db, "Migrate", `INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.org')`)
	testWorks(t, db, "Migrate", `INSERT INTO orders (id, user_id, total_cents) VALUES (1, 1, 1250)`)
}

func TestRunTwice(t *testing.T) {
	db, _ := testOpenTestDB(t)
	testMigrate(t, db, testHistory, 3)
	// The service starts again: nothing is left to do.
	n, err := Migrate(t.Context(), db, testHistory)
	if err != nil || n != 0 {
		t.Fatalf("Migrate(the same migrations again) = %d, %v; want 0, nil: skip the versions recorded in schema_migrations", n, err)
	}
	testCheckRecorded(t, db, "the second Migrate", "1:create_users", "2:create_orders", "3:add_user_email")
}

func TestNewMigration(t *testing.T) {
	db, _ := testOpenTestDB(t)
	testMigrate(t, db, testHistory[:2], 2)
	// A new release adds migration 3.
	n, err := Migrate(t.Context(), db, testHistory)
	if err != nil || n != 1 {
		t.Fatalf("Migrate(versions [1 2 3]) after versions [1 2] = %d, %v; want 1, nil: only migration 3 is new", n, err)
	}
	testCheckRecorded(t, db, "both Migrates", "1:create_users", "2:create_orders", "3:add_user_email")
	testWorks(t, db, "both Migrates", `INSERT INTO users (id, name, email) VALUES (1, 'Ada', 'ada@example.org')`)
}

func TestFailureRollsBack(t *testing.T) {
	db, _ := testOpenTestDB(t)
	broken := slices.Clone(testHistory)
	// The first statement of migration 2 works; the second fails.
	broken[1].SQL = `CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, total_cents INTEGER NOT NULL);
INSERT INTO no_such_table (id) VALUES (1)`
	n, err := Migrate(t.Context(), db, broken)
	if err == nil {
		t.Fatalf("Migrate(versions 1-3, migration 2 broken) = %d, nil; want migration 2's error", n)
	}
	if !strings.Contains(err.Error(), "create_orders") {
		t.Errorf("Migrate's error %q does not name the migration that failed (create_orders)", err)
	}
	if n != 1 {
		t.Errorf("Migrate(versions 1-3, migration 2 broken) = %d, %v; want 1 applied (migration 1, before the failure)", n, err)
	}
	testCheckReleased(t, db, "Migrate")
	after := "a failed migration 2"
	testCheckRecorded(t, db, after, "1:create_users")
	testWorks(t, db, after, `INSERT INTO users (id, name) VALUES (1, 'Ada')`)
	testAbsent(t, db, after, `SELECT count(*) FROM orders`, "the table orders of the half-run migration 2 (run each migration in a transaction, which the failure rolls back)")
	testAbsent(t, db, after, `SELECT email FROM users`, "the column email of migration 3 (stop at the first failure)")
	// The migration is fixed and the service restarted.
	testMigrate(t, db, testHistory, 2)
	testCheckRecorded(t, db, "the fixed Migrate", "1:create_users", "2:create_orders", "3:add_user_email")
}

func TestRecordFailureRollsBack(t *testing.T) {
	db, _ := testOpenTestDB(t)
	testMigrate(t, db, testHistory[:1], 1)
	// Migration 2 runs, then recording it fails, as if another instance of
	// the service had recorded version 2 in the meantime.
	racing := slices.Clone(testHistory)
	racing[1].SQL = `CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, total_cents INTEGER NOT NULL);
INSERT INTO schema_migrations (version, name) VALUES (2, 'recorded by another instance')`
	n, err := Migrate(t.Context(), db, racing)
	if err == nil || n != 0 {
		t.Fatalf("Migrate(versions 1-3) when recording version 2 fails = %d, %v; want 0 and the error", n, err)
	}
	testCheckReleased(t, db, "Migrate")
	after := "recording migration 2 failed"
	testCheckRecorded(t, db, after, "1:create_users")
	testAbsent(t, db, after, `SELECT count(*) FROM orders`, "the table orders of migration 2 (run the migration and the INSERT that records it in one transaction)")
}

func TestDuplicateVersion(t *testing.T) {
	db, _ := testOpenTestDB(t)
	dup := append(slices.Clone(testHistory[:2]), Migration{Version: 2, Name: "create_invoices", SQL: `CREATE TABLE invoices (id INTEGER PRIMARY KEY)`})
	n, err := Migrate(t.Context(), db, dup)
	if err == nil || n != 0 {
		t.Fatalf("Migrate(versions [1 2 2]) = %d, %v; want 0 and an error: two migrations share version 2", n, err)
	}
	testAbsent(t, db, "Migrate(versions [1 2 2])", `SELECT count(*) FROM users`, "the table users of migration 1 (check the versions before applying anything)")
}
