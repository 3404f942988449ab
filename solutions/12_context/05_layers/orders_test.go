package orders

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine started by the handler was still blocked and would never exit")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: the call never returned; it and the goroutines it started were all blocked")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

type testTraceKey struct{}

var testErrTestNoRows = errors.New("sql: no rows in result set")

// testDB is a database driver that takes latency per query, honours its
// context like database/sql, and records what it was given.
type testDB struct {
	latency      time.Duration
	calls        atomic.Int32 // queries started
	afterEnd     atomic.Int32 // queries started with a context that had already ended
	withoutTrace atomic.Int32 // queries whose context did not come from the request
}

var testPrices = map[string]int{"apple": 100, "pear": 200, "plum": 300, "fig": 400, "kiwi": 500}

func (d *testDB) Price(ctx context.Context, sku string) (int, error) {
	d.calls.Add(1)
	if ctx.Err() != nil {
		d.afterEnd.Add(1)
	}
	if ctx.Value(testTraceKey{}) != "trace-1" {
		d.withoutTrace.Add(1)
	}
	select {
	case <-time.After(d.latency):
	case <-ctx.Done():
		return 0, fmt.Errorf("db: %w", ctx.Err())
	}
	p, ok := testPrices[sku]
	if !ok {
		return 0, testErrTestNoRows
	}
	return p, nil
}

// testServe sends GET /total?sku=... through a Handler over db, with a
// request context that carries a trace value (and is cancelled at cancelAt,
// if not zero), and returns the response and how long it took.
func testServe(db *testDB, timeout, cancelAt time.Duration, skus ...string) (*httptest.ResponseRecorder, time.Duration) {
	h := &Handler{Svc: &Service{Repo: &Repository{DB: db}}, Timeout: timeout}
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), testTraceKey{}, "trace-1"))
	defer cancel()
	if cancelAt > 0 {
		time.AfterFunc(cancelAt, cancel)
	}
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/total?sku="+strings.Join(skus, "&sku="), nil)
	rec := httptest.NewRecorder()
	start := time.Now()
	h.ServeHTTP(rec, req)
	return rec, time.Since(start)
}

func TestTotal(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		db := &testDB{latency: time.Second}
		rec, elapsed := testServe(db, 10*time.Second, 0, "apple", "pear", "plum")
		if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != "600" {
			t.Errorf("GET /total?sku=apple&sku=pear&sku=plum = %d %q, want 200 \"600\\n\"", rec.Code, rec.Body.String())
		}
		if elapsed != 3*time.Second {
			t.Errorf("three 1s queries took %v, want 3s", elapsed)
		}
	})
}

func TestUnknownSKU(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		db := &testDB{latency: time.Second}
		rec, _ := testServe(db, 10*time.Second, 0, "apple", "durian", "plum")
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("GET /total with an unknown sku: status %d, want 500", rec.Code)
		}
		if n := db.calls.Load(); n != 2 {
			t.Errorf("the 2nd of 3 queries failed, yet %d queries ran, want 2: stop at the first error", n)
		}
	})
}

// TestContextReachesTheDatabase checks that the database gets the request's
// own context (it carries the request's values), not a fresh one.
func TestContextReachesTheDatabase(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		db := &testDB{latency: time.Second}
		testServe(db, 10*time.Second, 0, "apple", "pear")
		if n := db.withoutTrace.Load(); n > 0 {
			t.Errorf("%d of %d database queries got a context that does not come from the request (a layer passes context.Background() or context.TODO() instead of its ctx)", n, db.calls.Load())
		}
	})
}

// TestHandlerTimeout gives the handler 2.5s for five 1s queries.
func TestHandlerTimeout(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		db := &testDB{latency: time.Second}
		rec, elapsed := testServe(db, 2500*time.Millisecond, 0, "apple", "pear", "plum", "fig", "kiwi")
		switch {
		case rec.Code == http.StatusGatewayTimeout:
		case rec.Code == http.StatusInternalServerError && elapsed == 2500*time.Millisecond:
			t.Errorf("Timeout 2.5s, five 1s queries: the handler gave up at 2.5s with status 500, want 504 (Gateway Timeout): check errors.Is(err, context.DeadlineExceeded), and keep %%w when wrapping errors")
		default:
			t.Errorf("Timeout 2.5s, five 1s queries: status %d after %v, want 504 (Gateway Timeout) after 2.5s", rec.Code, elapsed)
		}
		if elapsed != 2500*time.Millisecond {
			t.Errorf("Timeout 2.5s, five 1s queries: the handler returned after %v, want 2.5s: derive ctx with context.WithTimeout(r.Context(), h.Timeout) and pass it all the way down", elapsed)
		}
		if n := db.calls.Load(); n != 3 {
			t.Errorf("Timeout 2.5s, five 1s queries: %d queries started, want 3 (the 3rd is cut short at 2.5s)", n)
		}
		if n := db.afterEnd.Load(); n > 0 {
			t.Errorf("%d queries started after the context had ended: stop at the first error", n)
		}
	})
}

// TestClientGoesAway cancels the request's context after 1.5s, as net/http
// does when the client disconnects.
func TestClientGoesAway(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		db := &testDB{latency: time.Second}
		_, elapsed := testServe(db, 10*time.Second, 1500*time.Millisecond, "apple", "pear", "plum", "fig", "kiwi")
		if elapsed != 1500*time.Millisecond {
			t.Errorf("the client went away after 1.5s, but the handler returned after %v, want 1.5s: the request's context must reach the database", elapsed)
		}
		if n := db.calls.Load(); n != 2 {
			t.Errorf("the client went away during the 2nd query, yet %d queries started, want 2", n)
		}
		if n := db.afterEnd.Load(); n > 0 {
			t.Errorf("%d queries started after the request's context had ended: stop at the first error", n)
		}
	})
}
