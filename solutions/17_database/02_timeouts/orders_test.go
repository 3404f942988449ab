package orders

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"
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

func init() {
	// SQLite has no sleep function; the tests add one to make a slow query.
	sqlite.MustRegisterScalarFunction("test_sleep_ms", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		ms, _ := args[0].(int64)
		time.Sleep(time.Duration(ms) * time.Millisecond)
		return int64(1), nil
	})
}

// testSlowFor is how long a query of the slow table takes.
const testSlowFor = 3 * time.Second

// testSetup creates the orders; slow makes every query of orders take slowFor.
func testSetup(t *testing.T, slow bool) *sql.DB {
	t.Helper()
	db, postgres := testOpenTestDB(t)
	table := "orders"
	if slow {
		table = "orders_data"
	}
	testExec(t, db,
		`CREATE TABLE `+table+` (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, total_cents INTEGER NOT NULL)`,
		`INSERT INTO `+table+` (id, customer, total_cents) VALUES (1, 'ada', 1250), (2, 'ada', 300), (3, 'bob', 999), (4, 'ada', 5)`)
	if slow {
		if postgres {
			testExec(t, db, fmt.Sprintf(`CREATE VIEW orders AS SELECT o.* FROM orders_data o, pg_sleep(%d)`, testSlowFor/time.Second))
		} else {
			testExec(t, db, fmt.Sprintf(`CREATE VIEW orders AS
				WITH RECURSIVE tick(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM tick WHERE n < %d)
				SELECT o.* FROM orders_data o WHERE (SELECT count(*) FROM tick WHERE test_sleep_ms(1) = 1) > 0`,
				testSlowFor/time.Millisecond))
		}
	}
	return db
}

func TestCountOrders(t *testing.T) {
	db := testSetup(t, false)
	s := &Store{DB: db, Timeout: 10 * time.Second}
	for _, tc := range []struct {
		customer string
		want     int
	}{{"ada", 3}, {"bob", 1}, {"nobody", 0}} {
		got, err := s.CountOrders(t.Context(), tc.customer)
		if err != nil || got != tc.want {
			t.Errorf("CountOrders(%q) = %d, %v; want %d, nil", tc.customer, got, err, tc.want)
		}
	}
	testCheckReleased(t, db, "CountOrders")
}

func TestSlowQueryTimesOut(t *testing.T) {
	db := testSetup(t, true)
	s := &Store{DB: db, Timeout: 50 * time.Millisecond}
	start := time.Now()
	n, err := s.CountOrders(t.Context(), "ada")
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case err == nil:
		t.Fatalf("with Timeout 50ms, a query that takes %v returned %d, nil after %v: derive ctx, cancel := context.WithTimeout(ctx, s.Timeout), defer cancel(), and pass ctx to QueryRowContext", testSlowFor, n, took)
	case !errors.Is(err, context.DeadlineExceeded):
		t.Fatalf("with Timeout 50ms, a slow query returned error %q after %v, want one that wraps context.DeadlineExceeded (wrap with %%w)", err, took)
	case took > testSlowFor/2:
		t.Errorf("with Timeout 50ms, the slow query took %v to give up", took)
	}
	testCheckReleased(t, db, "CountOrders")
}

func TestCallerCancels(t *testing.T) {
	db := testSetup(t, true)
	s := &Store{DB: db, Timeout: time.Minute}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	n, err := s.CountOrders(ctx, "ada")
	took := time.Since(start).Round(time.Millisecond)
	switch {
	case err == nil:
		t.Fatalf("the caller cancelled its context after 50ms, yet CountOrders ran the whole %v query and returned %d, nil after %v: derive the timeout context from ctx, not from context.Background()", testSlowFor, n, took)
	case !errors.Is(err, context.Canceled):
		t.Fatalf("the caller cancelled its context after 50ms; CountOrders returned %q after %v, want an error that wraps context.Canceled", err, took)
	}
	testCheckReleased(t, db, "CountOrders")
}
