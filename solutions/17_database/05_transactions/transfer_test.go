package bank

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
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
		db, err := testOpenCounted("sqlite", dsn)
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
	db, err = testOpenCounted("pgx", url)
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

// The tests' pools have one connection: a statement run on db while a
// transaction holds that connection then waits for it, which the tests
// notice at once (testCall) instead of hanging until the test times out.
// testConnector counts the transactions open on its connections, so that a
// message can say whether one was open.
type testConnector struct {
	drv    driver.Driver
	dsn    string
	openTx *atomic.Int64
}

func (c testConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &testConn{Conn: conn, openTx: c.openTx}, nil
}

func (c testConnector) Driver() driver.Driver { return c.drv }

type testConn struct {
	driver.Conn
	openTx *atomic.Int64
}

func (c *testConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	var tx driver.Tx
	var err error
	if b, ok := c.Conn.(driver.ConnBeginTx); ok {
		tx, err = b.BeginTx(ctx, opts)
	} else {
		tx, err = c.Conn.Begin() // a driver without BeginTx
	}
	if err != nil {
		return nil, err
	}
	c.openTx.Add(1)
	return &testTx{Tx: tx, openTx: c.openTx}, nil
}

func (c *testConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	if p, ok := c.Conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, query)
	}
	return c.Conn.Prepare(query)
}

func (c *testConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if e, ok := c.Conn.(driver.ExecerContext); ok {
		return e.ExecContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *testConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	if q, ok := c.Conn.(driver.QueryerContext); ok {
		return q.QueryContext(ctx, query, args)
	}
	return nil, driver.ErrSkip
}

func (c *testConn) CheckNamedValue(nv *driver.NamedValue) error {
	if ch, ok := c.Conn.(driver.NamedValueChecker); ok {
		return ch.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

func (c *testConn) ResetSession(ctx context.Context) error {
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (c *testConn) IsValid() bool {
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

type testTx struct {
	driver.Tx
	openTx *atomic.Int64
	once   sync.Once
}

func (t *testTx) end() { t.once.Do(func() { t.openTx.Add(-1) }) }

func (t *testTx) Commit() error {
	defer t.end()
	return t.Tx.Commit()
}

func (t *testTx) Rollback() error {
	defer t.end()
	return t.Tx.Rollback()
}

// testOpenTx maps each test database to its count of open transactions.
var testOpenTx sync.Map

// testOpenCounted opens dsn with the driver registered as driverName, through
// testConnector, with a pool of one connection.
func testOpenCounted(driverName, dsn string) (*sql.DB, error) {
	base, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	drv := base.Driver()
	base.Close()
	openTx := new(atomic.Int64)
	db := sql.OpenDB(testConnector{drv: drv, dsn: dsn, openTx: openTx})
	db.SetMaxOpenConns(1)
	testOpenTx.Store(db, openTx)
	return db, nil
}

// testTxOpen reports whether a transaction is open on db.
func testTxOpen(db *sql.DB) bool {
	n, ok := testOpenTx.Load(db)
	return ok && n.(*atomic.Int64).Load() > 0
}

// testCall gives one call of the code under test a context that ends when
// the call asks db for a connection and has to wait: with a pool of one,
// that connection is one the call itself holds, and it would wait for ever.
// waited reports, after the call, whether that happened and whether a
// transaction was open then.
func testCall(parent context.Context, db *sql.DB) (ctx context.Context, waited func() (waited, inTx bool)) {
	ctx, cancel := context.WithTimeout(parent, 10*time.Second)
	start := db.Stats().WaitCount
	var sawWait, sawTx atomic.Bool
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				if db.Stats().WaitCount > start {
					sawTx.Store(testTxOpen(db))
					sawWait.Store(true)
					cancel()
					return
				}
			}
		}
	}()
	return ctx, func() (bool, bool) {
		close(stop)
		<-stopped
		cancel()
		return sawWait.Load(), sawTx.Load()
	}
}

// testWaitedMessage explains a call that waited for a connection it held.
func testWaitedMessage(call string, inTx bool) string {
	if inTx {
		return fmt.Sprintf("%s, with the test's pool of one connection, asked db for a connection while its own transaction held that one, and waited (it would have waited for ever). A statement on db waits for the transaction's connection: run it on tx", call)
	}
	return fmt.Sprintf("%s, with the test's pool of one connection, asked db for a connection while it held that one itself, with no transaction open, and waited (it would have waited for ever)", call)
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
	// With a pool of one connection, nothing else can run while it is held.
	if n := db.Stats().InUse; n != 0 {
		if testTxOpen(db) {
			t.Fatalf("after %s returned, its transaction was still open, holding a connection of the pool: end every transaction (defer tx.Rollback() right after BeginTx)", call)
		}
		t.Fatalf("after %s returned, %d connection(s) of the pool were still in use, with no transaction open: close every *sql.Rows (defer rows.Close())", call, n)
	}
}

// testTransfer calls Transfer through testCall, and stops the test when it
// waited for a connection it held.
func testTransfer(t *testing.T, parent context.Context, db *sql.DB, from, to, amount int64) error {
	t.Helper()
	ctx, waited := testCall(parent, db)
	err := Transfer(ctx, db, from, to, amount)
	if w, inTx := waited(); w {
		t.Fatal(testWaitedMessage(fmt.Sprintf("Transfer(from %d, to %d, amount %d)", from, to, amount), inTx))
	}
	return err
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
	err := testTransfer(t, ctx, db, from, to, amount)
	call := fmt.Sprintf("Transfer(from %d, to %d, amount %d)", from, to, amount)
	if want != nil && !errors.Is(err, want) || err == nil {
		t.Errorf("%s = %v, want an error wrapping %q", call, err, want)
	}
	testCheckReleased(t, db, call)
	if after := testBalances(t, db); after != before {
		if err != nil {
			t.Errorf("%s returned an error, yet changed the balances from %v to %v; a transfer that fails must change nothing: run both updates in one transaction, and roll it back on every error", call, before, after)
		} else {
			t.Errorf("%s changed the balances from %v to %v", call, before, after)
		}
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
		if err := testTransfer(t, t.Context(), db, s.from, s.to, s.amount); err != nil {
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
	// So would a statement on db inside a transaction, with a pool of
	// more than one connection: it would wait for the transaction's locks.
	probe := testSetup(t)
	if err := testTransfer(t, t.Context(), probe, 1, 2, 1); err != nil {
		t.Fatalf("Transfer(from 1, to 2, amount 1): %v", err)
	}
	testTransfer(t, t.Context(), probe, 3, 1, 1) // refused: account 3 is empty
	if probe.Stats().InUse != 0 {
		if testTxOpen(probe) {
			t.Fatalf("a refused Transfer left its transaction open (its connection is still in use), so concurrent transfers would wait for it forever: defer tx.Rollback() right after BeginTx")
		}
		t.Fatalf("a refused Transfer returned with a connection of the pool still in use, and no transaction open: close every *sql.Rows (defer rows.Close())")
	}
	db := testSetup(t)
	db.SetMaxOpenConns(0) // no limit: the transfers run at once
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
