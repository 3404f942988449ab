package bank

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// testSetup creates three accounts: 1 (Ada) holds 100, 2 (Bob) 50, 3 (Eve) 0.
func testSetup(t *testing.T) *sql.DB {
	t.Helper()
	db, _ := testOpenTestDB(t)
	testExec(t, db,
		`CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance BIGINT NOT NULL)`,
		`INSERT INTO accounts (id, owner, balance) VALUES (1, 'Ada', 100), (2, 'Bob', 50), (3, 'Eve', 0)`)
	return db
}

// testBalances reads the balances of accounts 1, 2 and 3.
func testBalances(t *testing.T, db *sql.DB) [3]int64 {
	t.Helper()
	var b [3]int64
	for i := range b {
		if err := db.QueryRowContext(t.Context(), `SELECT balance FROM accounts WHERE id = $1`, i+1).Scan(&b[i]); err != nil {
			t.Fatalf("reading the balance of account %d: %v", i+1, err)
		}
	}
	return b
}

// testRefused checks a transfer that must fail with want and change nothing.
func testRefused(t *testing.T, ctx context.Context, from, to, amount int64, want error) {
	t.Helper()
	db := testSetup(t)
	before := testBalances(t, db)
	err := Transfer(ctx, db, from, to, amount)
	call := fmt.Sprintf("Transfer(from %d, to %d, amount %d)", from, to, amount)
	if want != nil && !errors.Is(err, want) || err == nil {
		t.Errorf("%s = %v, want an error wrapping %q", call, err, want)
	}
	testCheckReleased(t, db, call)
	if after := testBalances(t, db); after != before {
		t.Errorf("%s changed the balances from %v to %v; a transfer that fails must change nothing: run both updates in one transaction, and roll it back on every error", call, before, after)
	}
}

func TestTransfer(t *testing.T) {
	db := testSetup(t)
	steps := []struct {
		from, to, amount int64
		want             [3]int64
	}{
		{1, 2, 30, [3]int64{70, 80, 0}},
		{1, 3, 70, [3]int64{0, 80, 70}}, // the whole balance
		{2, 1, 1, [3]int64{1, 79, 70}},
	}
	for _, s := range steps {
		if err := Transfer(t.Context(), db, s.from, s.to, s.amount); err != nil {
			t.Fatalf("Transfer(from %d, to %d, amount %d): %v", s.from, s.to, s.amount, err)
		}
		testCheckReleased(t, db, "Transfer")
		if got := testBalances(t, db); got != s.want {
			t.Fatalf("after Transfer(from %d, to %d, amount %d) the balances are %v, want %v", s.from, s.to, s.amount, got, s.want)
		}
	}
}

func TestInvalidAmount(t *testing.T) {
	for _, amount := range []int64{0, -10} {
		t.Run(fmt.Sprint(amount), func(t *testing.T) {
			testRefused(t, t.Context(), 1, 2, amount, ErrInvalidAmount)
		})
	}
}

func TestInsufficientFunds(t *testing.T) {
	t.Run("one cent too much", func(t *testing.T) { testRefused(t, t.Context(), 1, 2, 101, ErrInsufficientFunds) })
	t.Run("from an empty account", func(t *testing.T) { testRefused(t, t.Context(), 3, 1, 1, ErrInsufficientFunds) })
}

func TestUnknownAccount(t *testing.T) {
	t.Run("unknown destination", func(t *testing.T) { testRefused(t, t.Context(), 1, 99, 30, ErrAccountNotFound) })
	t.Run("unknown source", func(t *testing.T) { testRefused(t, t.Context(), 99, 1, 30, ErrAccountNotFound) })
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	testRefused(t, ctx, 1, 2, 30, nil)
}

func TestConcurrentTransfers(t *testing.T) {
	// A transaction left open would hold the database's write lock and
	// make every other transfer wait for it: check that first.
	probe := testSetup(t)
	Transfer(t.Context(), probe, 3, 1, 1) // refused: account 3 is empty
	if probe.Stats().InUse != 0 {
		t.Fatalf("a refused Transfer left its transaction open (its connection is still in use), so concurrent transfers would wait for it forever: defer tx.Rollback() right after BeginTx")
	}
	db := testSetup(t)
	// Twenty transfers of 10 from an account that holds 100, at once:
	// exactly ten can succeed.
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		ok     int
		others []string
	)
	for range 10 {
		wg.Go(func() {
			for range 2 {
				err := Transfer(t.Context(), db, 1, 2, 10)
				mu.Lock()
				switch {
				case err == nil:
					ok++
				case !errors.Is(err, ErrInsufficientFunds):
					others = append(others, err.Error())
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(others) > 0 {
		t.Fatalf("20 concurrent transfers of 10 from an account holding 100: unexpected errors: %s", strings.Join(others, "; "))
	}
	if got := testBalances(t, db); ok != 10 || got != [3]int64{0, 150, 0} {
		t.Fatalf("20 concurrent transfers of 10 from an account holding 100: %d succeeded and the balances are %v; want 10 and [0 150 0]: check and debit in one statement, inside the transaction", ok, got)
	}
	testCheckReleased(t, db, "Transfer")
}
