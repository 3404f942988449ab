package catalog

import (
	"context"
	"database/sql"
	"database/sql/driver"
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
// dropped when the test ends. Its connections count how INSERT statements
// are prepared, executed and closed.
func testOpenTestDB(t *testing.T) (*sql.DB, *testCounts) {
	t.Helper()
	name, dsn := "sqlite", os.Getenv("DATABASE_URL")
	var admin *sql.DB
	var schema string
	if dsn == "" {
		// busy_timeout: wait for a lock instead of failing at once;
		// _txlock=immediate: a transaction takes the write lock at once.
		dsn = "file:" + filepath.Join(t.TempDir(), "test.db") + "?_pragma=busy_timeout(10000)&_txlock=immediate"
	} else {
		name = "pgx"
		var err error
		if admin, err = sql.Open("pgx", dsn); err != nil {
			t.Fatalf("open DATABASE_URL: %v", err)
		}
		schema = fmt.Sprintf("test_%d_%x", os.Getpid(), rand.Uint64())
		if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
			admin.Close()
			t.Fatalf("create a schema for the test in DATABASE_URL: %v", err)
		}
		switch { // every connection of the test's pool starts in the schema
		case !strings.Contains(dsn, "://"):
			dsn += " search_path=" + schema
		case strings.Contains(dsn, "?"):
			dsn += "&search_path=" + schema
		default:
			dsn += "?search_path=" + schema
		}
	}
	probe, err := sql.Open(name, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	drv := probe.Driver()
	probe.Close()
	c := &testCounts{}
	db := sql.OpenDB(&testCountingConnector{drv: drv, dsn: dsn, c: c})
	t.Cleanup(func() {
		db.Close()
		if admin != nil {
			admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			admin.Close()
		}
	})
	if _, err := db.ExecContext(t.Context(), `CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL, price_cents BIGINT NOT NULL CHECK (price_cents >= 0))`); err != nil {
		t.Fatalf("test setup: create products: %v", err)
	}
	return db, c
}

// testCounts is what the connections saw of INSERT statements.
type testCounts struct {
	mu         sync.Mutex
	prepared   int // INSERTs prepared
	stmtExecs  int // executions of a prepared INSERT
	plainExecs int // INSERTs run without a prepared statement
	open       int // prepared INSERTs not closed yet
}

func (c *testCounts) add(f func(c *testCounts)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	f(c)
}

func (c *testCounts) snapshot() testCounts {
	c.mu.Lock()
	defer c.mu.Unlock()
	return testCounts{prepared: c.prepared, stmtExecs: c.stmtExecs, plainExecs: c.plainExecs, open: c.open}
}

func testIsInsert(query string) bool {
	return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(query)), "INSERT")
}

// testCountingConnector opens the real driver's connections, wrapped.
type testCountingConnector struct {
	drv driver.Driver
	dsn string
	c   *testCounts
}

func (k *testCountingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := k.drv.Open(k.dsn)
	if err != nil {
		return nil, err
	}
	return &testCountingConn{Conn: conn, c: k.c}, nil
}

func (k *testCountingConnector) Driver() driver.Driver { return k.drv }

// testCountingConn passes everything to the real connection, counting.
type testCountingConn struct {
	driver.Conn
	c *testCounts
}

func (cc *testCountingConn) Prepare(query string) (driver.Stmt, error) {
	return cc.PrepareContext(context.Background(), query)
}

func (cc *testCountingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	var st driver.Stmt
	var err error
	if p, ok := cc.Conn.(driver.ConnPrepareContext); ok {
		st, err = p.PrepareContext(ctx, query)
	} else {
		st, err = cc.Conn.Prepare(query)
	}
	if err != nil {
		return nil, err
	}
	insert := testIsInsert(query)
	if insert {
		cc.c.add(func(c *testCounts) { c.prepared++; c.open++ })
	}
	return &testCountingStmt{Stmt: st, c: cc.c, insert: insert}, nil
}

func (cc *testCountingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	e, ok := cc.Conn.(driver.ExecerContext)
	if !ok {
		return nil, driver.ErrSkip // database/sql then prepares, executes, closes
	}
	res, err := e.ExecContext(ctx, query, args)
	if err != driver.ErrSkip && testIsInsert(query) {
		cc.c.add(func(c *testCounts) { c.plainExecs++ })
	}
	return res, err
}

func (cc *testCountingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	q, ok := cc.Conn.(driver.QueryerContext)
	if !ok {
		return nil, driver.ErrSkip
	}
	return q.QueryContext(ctx, query, args)
}

func (cc *testCountingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	if b, ok := cc.Conn.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, opts)
	}
	return cc.Conn.Begin() //nolint:staticcheck // fallback for old drivers
}

func (cc *testCountingConn) Ping(ctx context.Context) error {
	if p, ok := cc.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

func (cc *testCountingConn) ResetSession(ctx context.Context) error {
	if r, ok := cc.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (cc *testCountingConn) IsValid() bool {
	if v, ok := cc.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

func (cc *testCountingConn) CheckNamedValue(nv *driver.NamedValue) error {
	if ch, ok := cc.Conn.(driver.NamedValueChecker); ok {
		return ch.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

// testCountingStmt passes everything to the real statement, counting.
type testCountingStmt struct {
	driver.Stmt
	c      *testCounts
	insert bool
	closed bool
}

func (s *testCountingStmt) Close() error {
	if s.insert && !s.closed {
		s.c.add(func(c *testCounts) { c.open-- })
	}
	s.closed = true
	return s.Stmt.Close()
}

func (s *testCountingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	if s.insert {
		s.c.add(func(c *testCounts) { c.stmtExecs++ })
	}
	if e, ok := s.Stmt.(driver.StmtExecContext); ok {
		return e.ExecContext(ctx, args)
	}
	return s.Stmt.Exec(testValues(args)) //nolint:staticcheck // fallback for old drivers
}

func (s *testCountingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	if q, ok := s.Stmt.(driver.StmtQueryContext); ok {
		return q.QueryContext(ctx, args)
	}
	return s.Stmt.Query(testValues(args)) //nolint:staticcheck // fallback for old drivers
}

func (s *testCountingStmt) CheckNamedValue(nv *driver.NamedValue) error {
	if ch, ok := s.Stmt.(driver.NamedValueChecker); ok {
		return ch.CheckNamedValue(nv)
	}
	return driver.ErrSkip
}

func testValues(args []driver.NamedValue) []driver.Value {
	vs := make([]driver.Value, len(args))
	for i, a := range args {
		vs[i] = a.Value
	}
	return vs
}

// testProducts makes n products; SKU-0001 costs 1 cent, SKU-0002 2 cents…
func testProducts(n int) []Product {
	ps := make([]Product, n)
	for i := range ps {
		ps[i] = Product{SKU: fmt.Sprintf("SKU-%04d", i+1), Name: fmt.Sprintf("Product %d", i+1), PriceCents: int64(i + 1)}
	}
	return ps
}

// testStored returns how many products the table holds and their total price.
func testStored(t *testing.T, db *sql.DB) (n int, total int64) {
	t.Helper()
	err := db.QueryRowContext(t.Context(), `SELECT count(*), coalesce(sum(price_cents), 0) FROM products`).Scan(&n, &total)
	if err != nil {
		t.Fatalf("reading the products back: %v", err)
	}
	return n, total
}

// testCheckStatements fails the test when the INSERT was not prepared once,
// run once per product through the prepared statement, and closed.
func testCheckStatements(t *testing.T, c *testCounts, n int) {
	t.Helper()
	got := c.snapshot()
	if got.plainExecs > 0 {
		t.Errorf("ImportProducts(%d products) ran %d INSERTs without a prepared statement: prepare the INSERT once with tx.PrepareContext, then call stmt.ExecContext for each product", n, got.plainExecs)
	} else if got.prepared > 1 {
		t.Errorf("ImportProducts(%d products) prepared the INSERT %d times: prepare it once, before the loop, and reuse the statement", n, got.prepared)
	} else if got.stmtExecs != n {
		t.Errorf("ImportProducts(%d products) ran the prepared INSERT %d times, want %d (once per product)", n, got.stmtExecs, n)
	}
	if got.open != 0 {
		t.Errorf("after ImportProducts returned, %d prepared statement(s) were still open: defer stmt.Close() right after preparing it", got.open)
	}
}

func TestImportProducts(t *testing.T) {
	for _, n := range []int{2, 500} {
		t.Run(fmt.Sprintf("%d products", n), func(t *testing.T) {
			db, c := testOpenTestDB(t)
			if err := ImportProducts(t.Context(), db, testProducts(n)); err != nil {
				t.Fatalf("ImportProducts(%d products): %v", n, err)
			}
			wantTotal := int64(n * (n + 1) / 2)
			if got, total := testStored(t, db); got != n || total != wantTotal {
				t.Fatalf("after ImportProducts(%d products) the table holds %d products costing %d in all, want %d costing %d", n, got, total, n, wantTotal)
			}
			var name string
			if err := db.QueryRowContext(t.Context(), `SELECT name FROM products WHERE sku = $1`, "SKU-0001").Scan(&name); err != nil || name != "Product 1" {
				t.Errorf("product SKU-0001 has the name %q (%v), want \"Product 1\"", name, err)
			}
			testCheckStatements(t, c, n)
			testCheckReleased(t, db, "ImportProducts")
		})
	}
}

func TestImportNothing(t *testing.T) {
	db, _ := testOpenTestDB(t)
	if err := ImportProducts(t.Context(), db, nil); err != nil {
		t.Fatalf("ImportProducts(no products) = %v, want nil", err)
	}
	if n, _ := testStored(t, db); n != 0 {
		t.Errorf("ImportProducts(no products) stored %d products", n)
	}
	testCheckReleased(t, db, "ImportProducts")
}

func TestAllOrNothing(t *testing.T) {
	dup := testProducts(500)
	dup[299].SKU = dup[10].SKU // the 300th product repeats the 11th's SKU
	negative := testProducts(500)
	negative[499].PriceCents = -1 // the last one breaks CHECK (price_cents >= 0)
	tests := []struct {
		name     string
		products []Product
	}{
		{"a duplicate SKU half-way", dup},
		{"a negative price at the end", negative},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db, c := testOpenTestDB(t)
			err := ImportProducts(t.Context(), db, tc.products)
			if err == nil {
				t.Fatalf("ImportProducts(500 products, %s) = nil, want the database's error", tc.name)
			}
			if n, _ := testStored(t, db); n != 0 {
				t.Errorf("ImportProducts(500 products, %s) failed, yet %d products were stored: run the inserts in one transaction, which the deferred tx.Rollback() undoes", tc.name, n)
			}
			if got := c.snapshot(); got.open != 0 {
				t.Errorf("after ImportProducts failed, %d prepared statement(s) were still open: defer stmt.Close() right after preparing it", got.open)
			}
			testCheckReleased(t, db, "ImportProducts")
		})
	}
}

func TestCancelledContext(t *testing.T) {
	db, _ := testOpenTestDB(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := ImportProducts(ctx, db, testProducts(10)); err == nil {
		t.Errorf("ImportProducts with a cancelled context = nil, want an error: pass ctx to BeginTx, PrepareContext and ExecContext")
	}
	if n, _ := testStored(t, db); n != 0 {
		t.Errorf("ImportProducts with a cancelled context stored %d products", n)
	}
	testCheckReleased(t, db, "ImportProducts")
}

// testCheckReleased fails the test when the function left a connection checked
// out (rows never closed, a transaction never ended).
func testCheckReleased(t *testing.T, db *sql.DB, call string) {
	t.Helper()
	if n := db.Stats().InUse; n != 0 {
		t.Errorf("after %s returned, %d connection(s) of the pool are still in use: end every transaction (defer tx.Rollback())", call, n)
	}
}
