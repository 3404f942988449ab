package catalog

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

// The test database is SQLite behind a thin driver wrapper that counts the
// queries the store runs and can run code just before a write statement
// and just before a commit: that is how the tests play a reader that comes
// in while SetPrice's transaction is still open.

type testHooks struct {
	selects atomic.Int64

	mu     sync.Mutex
	during func(when string) // called before an UPDATE and before a commit
}

func (h *testHooks) set(f func(when string)) {
	h.mu.Lock()
	h.during = f
	h.mu.Unlock()
}

func (h *testHooks) fire(when string) {
	h.mu.Lock()
	f := h.during
	h.mu.Unlock()
	if f != nil {
		f(when)
	}
}

type testConnector struct {
	dsn   string
	drv   driver.Driver
	hooks *testHooks
}

func (c *testConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &testConn{Conn: conn, hooks: c.hooks}, nil
}

func (c *testConnector) Driver() driver.Driver { return c.drv }

type testConn struct {
	driver.Conn
	hooks *testHooks
}

func (c *testConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &testTx{Tx: tx, hooks: c.hooks}, nil
}

func (c *testConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	if testVerb(query) == "UPDATE" {
		c.hooks.fire("before the UPDATE ran")
	}
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

// testVerb returns the first word of a statement, upper-cased.
func testVerb(query string) string {
	verb, _, _ := strings.Cut(strings.TrimSpace(query), " ")
	return strings.ToUpper(verb)
}

func (c *testConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	switch testVerb(query) {
	case "SELECT":
		c.hooks.selects.Add(1)
	case "UPDATE": // UPDATE … RETURNING
		c.hooks.fire("before the UPDATE ran")
	}
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (c *testConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	switch testVerb(query) {
	case "SELECT": // counted when prepared: close enough for these tests
		c.hooks.selects.Add(1)
	case "UPDATE":
		c.hooks.fire("before the UPDATE ran")
	}
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
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
	hooks *testHooks
}

func (tx *testTx) Commit() error {
	tx.hooks.fire("before the commit")
	return tx.Tx.Commit()
}

// testOpen returns a database with products 1 (pen, 100) and 2 (ink, 250),
// and its hooks: a SQLite file in t.TempDir(), or, when DATABASE_URL is
// set, a new PostgreSQL schema dropped when the test ends.
func testOpen(t *testing.T) (*sql.DB, *testHooks) {
	t.Helper()
	driverName, dsn := "sqlite", "file:"+filepath.Join(t.TempDir(), "test.db")+"?_pragma=busy_timeout(10000)&_txlock=immediate"
	if url := os.Getenv("DATABASE_URL"); url != "" {
		driverName, dsn = "pgx", testPostgresSchema(t, url)
	}
	plain, err := sql.Open(driverName, dsn)
	if err != nil {
		t.Fatalf("open %s: %v", driverName, err)
	}
	drv := plain.Driver()
	plain.Close()
	hooks := &testHooks{}
	db := sql.OpenDB(&testConnector{dsn: dsn, drv: drv, hooks: hooks})
	t.Cleanup(func() { db.Close() })
	for _, s := range []string{
		"CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price_cents INTEGER NOT NULL)",
		"CREATE TABLE price_history (product_id INTEGER NOT NULL, price_cents INTEGER NOT NULL)",
		"INSERT INTO products (id, name, price_cents) VALUES (1, 'pen', 100), (2, 'ink', 250)",
	} {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("test setup: %s: %v", s, err)
		}
	}
	hooks.selects.Store(0)
	return db, hooks
}

// testPostgresSchema creates a schema for the test in the database at url
// and returns url with that schema as the search_path.
func testPostgresSchema(t *testing.T, url string) string {
	t.Helper()
	admin, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatalf("open DATABASE_URL: %v", err)
	}
	schema := fmt.Sprintf("test_%d_%x", os.Getpid(), rand.Uint64())
	if _, err := admin.ExecContext(t.Context(), "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		t.Fatalf("create a schema for the test in DATABASE_URL: %v", err)
	}
	t.Cleanup(func() {
		admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	switch {
	case !strings.Contains(url, "://"): // key=value form
		return url + " search_path=" + schema
	case strings.Contains(url, "?"):
		return url + "&search_path=" + schema
	default:
		return url + "?search_path=" + schema
	}
}

func testMustGet(t *testing.T, s *Store, id int64) Product {
	t.Helper()
	p, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatalf("Get(%d): %v", id, err)
	}
	return p
}

func TestGet(t *testing.T) {
	db, _ := testOpen(t)
	s := NewStore(db)
	for _, want := range []Product{{1, "pen", 100}, {2, "ink", 250}, {1, "pen", 100}} {
		if got, err := s.Get(t.Context(), want.ID); got != want || err != nil {
			t.Errorf("Get(%d) = %+v, %v; want %+v, nil", want.ID, got, err, want)
		}
	}
	if p, err := s.Get(t.Context(), 99); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(99) = %+v, %v; want an error wrapping ErrNotFound", p, err)
	}
	if err := s.SetPrice(t.Context(), 99, 5); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetPrice(99, 5) = %v; want an error wrapping ErrNotFound", err)
	}
}

func TestGetUsesCache(t *testing.T) {
	db, hooks := testOpen(t)
	s := NewStore(db)
	testMustGet(t, s, 1)
	after1 := hooks.selects.Load()
	for range 3 {
		testMustGet(t, s, 1)
	}
	if n := hooks.selects.Load() - after1; n != 0 {
		t.Errorf("Get(1), then Get(1) 3 more times: the 3 later calls ran %d SELECT queries, want 0 (served from the cache)", n)
	}
	before2 := hooks.selects.Load()
	testMustGet(t, s, 2)
	testMustGet(t, s, 2)
	if n := hooks.selects.Load() - before2; n != 1 {
		t.Errorf("then Get(2) twice ran %d SELECT queries, want 1 (the first Get of a product reads the database, the next one the cache)", n)
	}
}

func TestSetPriceInvalidates(t *testing.T) {
	db, _ := testOpen(t)
	s := NewStore(db)
	testMustGet(t, s, 1)
	testMustGet(t, s, 2)
	if err := s.SetPrice(t.Context(), 1, 120); err != nil {
		t.Fatalf("SetPrice(1, 120): %v", err)
	}
	if got := testMustGet(t, s, 1); got.PriceCents != 120 {
		t.Errorf("Get(1), SetPrice(1, 120), Get(1) = %+v; want price 120 (a cached product must be invalidated when it is written)", got)
	}
	if got := testMustGet(t, s, 2); got.PriceCents != 250 {
		t.Errorf("after SetPrice(1, 120), Get(2) = %+v; want price 250", got)
	}
	var n int
	if err := db.QueryRowContext(t.Context(), "SELECT COUNT(*) FROM price_history WHERE product_id = 1 AND price_cents = 120").Scan(&n); err != nil || n != 1 {
		t.Errorf("after SetPrice(1, 120), price_history has %d rows for it (%v), want 1", n, err)
	}
}

// TestNoStaleReadAfterWrite plays a reader that calls Get while SetPrice is
// still writing: before its UPDATE runs and before its commit. That reader
// may see the old price (the write is not committed yet), but once SetPrice
// has returned, Get must return the new one.
func TestNoStaleReadAfterWrite(t *testing.T) {
	for _, moment := range []string{"before the UPDATE ran", "before the commit"} {
		t.Run("a Get "+moment, func(t *testing.T) {
			db, hooks := testOpen(t)
			s := NewStore(db)
			testMustGet(t, s, 1)
			// First without a reader in between.
			if err := s.SetPrice(t.Context(), 1, 110); err != nil {
				t.Fatalf("SetPrice(1, 110): %v", err)
			}
			if got := testMustGet(t, s, 1); got.PriceCents != 110 {
				t.Fatalf("Get(1), SetPrice(1, 110), Get(1) = %+v; want price 110", got)
			}

			var readerDone sync.WaitGroup
			var seen atomic.Int64
			seen.Store(-1)
			hooks.set(func(when string) {
				if when != moment {
					return
				}
				hooks.set(nil) // once
				readerDone.Add(1)
				done := make(chan struct{})
				go func() {
					defer readerDone.Done()
					defer close(done)
					if p, err := s.Get(context.Background(), 1); err == nil {
						seen.Store(p.PriceCents)
					}
				}()
				// A store that holds its lock during the write keeps the
				// reader waiting: let the write go on then.
				select {
				case <-done:
				case <-time.After(5 * time.Second):
				}
			})
			err := s.SetPrice(t.Context(), 1, 120)
			readerDone.Wait()
			if err != nil {
				t.Fatalf("SetPrice(1, 120): %v", err)
			}
			got := testMustGet(t, s, 1)
			switch {
			case got.PriceCents == 120:
			case seen.Load() == 110:
				t.Errorf("Get(1) after SetPrice(1, 120) returned = %+v, want price 120: a Get that ran %s read the old price and cached it after your invalidation (invalidate after the commit)", got, moment)
			default:
				t.Errorf("Get(1) after SetPrice(1, 120) returned = %+v, want price 120", got)
			}
		})
	}
}

func TestConcurrentUse(t *testing.T) {
	db, _ := testOpen(t)
	s := NewStore(db)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 20 {
				id := int64(1 + (g+i)%2)
				if i%5 == 0 {
					if err := s.SetPrice(context.Background(), id, int64(100+i)); err != nil {
						t.Errorf("SetPrice(%d, %d): %v", id, 100+i, err)
					}
					continue
				}
				if _, err := s.Get(context.Background(), id); err != nil {
					t.Errorf("Get(%d): %v", id, err)
				}
			}
		})
	}
	wg.Wait()
}
