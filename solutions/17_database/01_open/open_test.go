package dbpool

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testDSN says which database the tests use: a SQLite file in a fresh
// temporary directory, or the PostgreSQL server in DATABASE_URL. unreachable
// is a data source name of the same driver where no database can be opened.
func testDSN(t *testing.T) (driver, dsn, unreachable string) {
	t.Helper()
	if url := os.Getenv("DATABASE_URL"); url != "" {
		return "pgx", url, "postgres://nobody@127.0.0.1:1/nothing?sslmode=disable&connect_timeout=5"
	}
	dir := t.TempDir()
	return "sqlite", "file:" + filepath.Join(dir, "app.db"),
		"file:" + filepath.Join(dir, "no", "such", "directory", "app.db")
}

func testMustOpen(t *testing.T, cfg PoolConfig) *sql.DB {
	t.Helper()
	driver, dsn, _ := testDSN(t)
	db, err := Open(t.Context(), driver, dsn, cfg)
	if err != nil {
		t.Fatalf("Open(%q, %q, %+v): %v", driver, dsn, cfg, err)
	}
	if db == nil {
		t.Fatalf("Open(%q, %q, %+v) returned a nil *sql.DB and no error", driver, dsn, cfg)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenConnects(t *testing.T) {
	cfg := PoolConfig{MaxOpenConns: 5, MaxIdleConns: 2, ConnMaxLifetime: time.Hour}
	db := testMustOpen(t, cfg)
	if n := db.Stats().OpenConnections; n == 0 {
		t.Fatalf("after Open, the pool holds no connection: sql.Open only prepares the pool, it never connects; call db.PingContext(ctx) to make (and check) the first connection")
	}
	var one int
	if err := db.QueryRowContext(t.Context(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1 on the pool Open returned: %v, %v", one, err)
	}
}

func TestUnreachableDatabase(t *testing.T) {
	driver, _, bad := testDSN(t)
	db, err := Open(t.Context(), driver, bad, PoolConfig{MaxOpenConns: 2, MaxIdleConns: 1})
	if err == nil {
		db.Close()
		t.Fatalf("Open(%q, %q) returned no error, but no database can be opened there: sql.Open does not connect, so check with db.PingContext(ctx) and return its error", driver, bad)
	}
	if db != nil {
		db.Close()
		t.Errorf("Open(%q, %q) returned an error and a non-nil *sql.DB: on failure close the pool and return nil, err", driver, bad)
	}
}

func TestPingUsesContext(t *testing.T) {
	driver, dsn, _ := testDSN(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	db, err := Open(ctx, driver, dsn, PoolConfig{MaxOpenConns: 2, MaxIdleConns: 1})
	if db != nil {
		db.Close()
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Open with a context that is already cancelled returned error %v, want one that wraps context.Canceled: check the connection with db.PingContext(ctx) (not db.Ping()) and wrap its error with %%w", err)
	}
}

func TestPoolSettings(t *testing.T) {
	tests := []PoolConfig{
		{MaxOpenConns: 4, MaxIdleConns: 1},
		{MaxOpenConns: 5, MaxIdleConns: 3},
		{MaxOpenConns: 3, MaxIdleConns: 0},
	}
	for _, cfg := range tests {
		t.Run(fmt.Sprintf("MaxOpenConns=%d,MaxIdleConns=%d", cfg.MaxOpenConns, cfg.MaxIdleConns), func(t *testing.T) {
			db := testMustOpen(t, cfg)
			if got := db.Stats().MaxOpenConnections; got != cfg.MaxOpenConns {
				t.Fatalf("db.Stats().MaxOpenConnections = %d, want %d: call db.SetMaxOpenConns", got, cfg.MaxOpenConns)
			}
			// Hold every connection the pool may open.
			ctx := t.Context()
			var held []*sql.Conn
			for range cfg.MaxOpenConns {
				c, err := db.Conn(ctx)
				if err != nil {
					t.Fatalf("taking connection %d of %d: %v", len(held)+1, cfg.MaxOpenConns, err)
				}
				held = append(held, c)
			}
			// One more must wait for a free one.
			wait, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
			extra, err := db.Conn(wait)
			cancel()
			if err == nil {
				extra.Close()
				t.Errorf("with %d connections in use, the pool opened one more: the limit is not applied", cfg.MaxOpenConns)
			}
			for _, c := range held {
				c.Close()
			}
			st := db.Stats()
			if st.Idle != cfg.MaxIdleConns {
				t.Errorf("after %d connections were given back, the pool keeps %d idle, want %d: call db.SetMaxIdleConns (the default keeps 2)", cfg.MaxOpenConns, st.Idle, cfg.MaxIdleConns)
			}
		})
	}
}

func TestConnMaxLifetime(t *testing.T) {
	db := testMustOpen(t, PoolConfig{MaxOpenConns: 2, MaxIdleConns: 2, ConnMaxLifetime: 10 * time.Millisecond})
	// The connection PingContext made is now older than ConnMaxLifetime.
	time.Sleep(50 * time.Millisecond)
	if err := db.PingContext(t.Context()); err != nil {
		t.Fatalf("PingContext: %v", err)
	}
	if n := db.Stats().MaxLifetimeClosed; n == 0 {
		t.Errorf("with ConnMaxLifetime 10ms, a 50ms-old connection was reused instead of replaced (db.Stats().MaxLifetimeClosed = 0): call db.SetConnMaxLifetime")
	}
}

// testRefusing is a driver whose every connection attempt is refused. Its
// connector counts how often it was closed: DB.Close closes it.
type testRefusing struct{}

type testRefusingConnector struct{ closed atomic.Int32 }

var (
	testRegisterRefusing = sync.OnceFunc(func() { sql.Register("testrefusing", testRefusing{}) })
	testLastConnector    atomic.Pointer[testRefusingConnector]
)

func (testRefusing) Open(string) (driver.Conn, error) {
	return nil, errors.New("connection refused")
}

func (testRefusing) OpenConnector(string) (driver.Connector, error) {
	c := &testRefusingConnector{}
	testLastConnector.Store(c)
	return c, nil
}

func (c *testRefusingConnector) Connect(context.Context) (driver.Conn, error) {
	return nil, errors.New("connection refused")
}

func (c *testRefusingConnector) Driver() driver.Driver { return testRefusing{} }

func (c *testRefusingConnector) Close() error {
	c.closed.Add(1)
	return nil
}

func TestPoolClosedOnFailure(t *testing.T) {
	testRegisterRefusing()
	db, err := Open(t.Context(), "testrefusing", "anything", PoolConfig{MaxOpenConns: 2, MaxIdleConns: 1})
	if db != nil {
		db.Close()
	}
	if err == nil {
		t.Fatalf("Open with a driver that refuses every connection returned no error: check the connection with db.PingContext(ctx)")
	}
	c := testLastConnector.Load()
	if c == nil {
		t.Fatalf("Open(\"testrefusing\", …) never opened the pool: open it with sql.Open(driver, dsn)")
	}
	if c.closed.Load() == 0 {
		t.Errorf("Open with a driver that refuses every connection returned %v, and the pool it opened was never closed (db.Close() was not called): close the pool before returning the error", err)
	}
}
