package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	_ "modernc.org/sqlite"
)

const testSchema = `
CREATE TABLE orders (
	id   INTEGER PRIMARY KEY,
	item TEXT NOT NULL,
	qty  INTEGER NOT NULL
);
CREATE TABLE outbox (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	topic        TEXT NOT NULL,
	payload      TEXT NOT NULL,
	published_at TEXT
);`

// testOpen opens a new SQLite database in t.TempDir() with the schema.
func testOpen(t *testing.T) *sql.DB {
	t.Helper()
	// busy_timeout: wait up to 2s for a lock held by another connection
	// instead of failing at once.
	dsn := "file:" + filepath.Join(t.TempDir(), "test.db") + "?_pragma=busy_timeout(2000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatalf("open SQLite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	testExec(t, db, testSchema)
	return db
}

func testExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("test setup: %s: %v", s, err)
		}
	}
}

func testCount(t *testing.T, db *sql.DB, query string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// testReleased fails the test when a connection is still checked out.
func testReleased(t *testing.T, db *sql.DB, call string) {
	t.Helper()
	if n := db.Stats().InUse; n != 0 {
		t.Errorf("after %s returned, %d connection(s) are still in use: close every *sql.Rows and end every transaction (defer tx.Rollback())", call, n)
	}
}

// testUnpublished returns the ids of the events not marked published.
func testUnpublished(t *testing.T, db *sql.DB) []int64 {
	t.Helper()
	rows, err := db.QueryContext(t.Context(), `SELECT id FROM outbox WHERE published_at IS NULL ORDER BY id`)
	if err != nil {
		t.Fatalf("reading the outbox: %v", err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatalf("reading the outbox: %v", err)
		}
		ids = append(ids, id)
	}
	return ids
}

func TestPlaceOrder(t *testing.T) {
	db := testOpen(t)
	id, err := PlaceOrder(t.Context(), db, "pen", 3)
	if err != nil {
		t.Fatalf("PlaceOrder(pen, 3) = %v, want nil", err)
	}
	testReleased(t, db, "PlaceOrder")
	var item string
	var qty int
	if err := db.QueryRowContext(t.Context(), `SELECT item, qty FROM orders WHERE id = $1`, id).Scan(&item, &qty); err != nil {
		t.Fatalf("PlaceOrder(pen, 3) returned id %d; reading that order: %v", id, err)
	}
	if item != "pen" || qty != 3 {
		t.Errorf("PlaceOrder(pen, 3): the order row holds (%q, %d), want (\"pen\", 3)", item, qty)
	}
	rows, err := db.QueryContext(t.Context(), `SELECT topic, payload, published_at IS NULL FROM outbox`)
	if err != nil {
		t.Fatalf("reading the outbox: %v", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		var topic, payload string
		var unpublished bool
		if err := rows.Scan(&topic, &payload, &unpublished); err != nil {
			t.Fatalf("reading the outbox: %v", err)
		}
		var ev Event
		if topic != Topic {
			t.Errorf("PlaceOrder: the outbox row's topic is %q, want %q", topic, Topic)
		}
		if err := json.Unmarshal([]byte(payload), &ev); err != nil || ev != (Event{OrderID: id, Item: "pen", Qty: 3}) {
			t.Errorf("PlaceOrder(pen, 3) = order %d: the outbox row's payload is %s, want the JSON of Event{OrderID: %d, Item: \"pen\", Qty: 3}", id, payload, id)
		}
		if !unpublished {
			t.Errorf("PlaceOrder: the new outbox row has published_at set, want NULL (it is not published yet)")
		}
	}
	if n != 1 {
		t.Errorf("PlaceOrder: %d rows in the outbox, want 1", n)
	}
}

// TestPlaceOrderAtomic makes one of the two inserts fail: neither row may
// stay.
func TestPlaceOrderAtomic(t *testing.T) {
	for _, c := range []struct {
		name    string
		trigger string
	}{
		{"the event insert fails", `CREATE TRIGGER broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END`},
		{"the order insert fails", `CREATE TRIGGER broken BEFORE INSERT ON orders BEGIN SELECT RAISE(ABORT, 'orders unavailable'); END`},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := testOpen(t)
			testExec(t, db, c.trigger)
			_, err := PlaceOrder(t.Context(), db, "pen", 3)
			if err == nil {
				t.Errorf("PlaceOrder when %s = nil, want the error", c.name)
			}
			testReleased(t, db, "PlaceOrder")
			orders := testCount(t, db, `SELECT count(*) FROM orders`)
			events := testCount(t, db, `SELECT count(*) FROM outbox`)
			if orders != 0 || events != 0 {
				t.Errorf("PlaceOrder when %s left %d order(s) and %d event(s), want neither: insert both in one transaction, committed only when both succeeded", c.name, orders, events)
			}
		})
	}
}

// testPublisher records what it is asked to publish; Publish fails for the
// events whose order ids are in fail.
type testPublisher struct {
	mu        sync.Mutex
	fail      map[int64]bool
	attempts  []int64 // order ids, every call
	published []int64 // order ids, successful calls
	bad       []string
}

func (p *testPublisher) Publish(_ context.Context, topic string, payload []byte) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var ev Event
	if err := json.Unmarshal(payload, &ev); err != nil || topic != Topic {
		p.bad = append(p.bad, fmt.Sprintf("%s %s", topic, payload))
	}
	p.attempts = append(p.attempts, ev.OrderID)
	if p.fail[ev.OrderID] {
		return errors.New("broker unavailable")
	}
	p.published = append(p.published, ev.OrderID)
	return nil
}

func testPlace(t *testing.T, db *sql.DB, n int) {
	t.Helper()
	for i := range n {
		if _, err := PlaceOrder(t.Context(), db, fmt.Sprintf("item %d", i+1), i+1); err != nil {
			t.Fatalf("PlaceOrder = %v, want nil", err)
		}
	}
}

func testRelay(t *testing.T, db *sql.DB, p *testPublisher, limit int, wantN int, wantErr bool) {
	t.Helper()
	n, err := Relay(t.Context(), db, p, limit)
	call := fmt.Sprintf("Relay(limit %d)", limit)
	if wantErr && err == nil {
		t.Errorf("%s with Publish failing = %d, nil; want the error", call, n)
	}
	if !wantErr && err != nil {
		t.Fatalf("%s = %d, %v; want nil error", call, n, err)
	}
	if n != wantN {
		t.Errorf("%s = %d events published, want %d", call, n, wantN)
	}
	testReleased(t, db, call)
}

func TestRelay(t *testing.T) {
	db := testOpen(t)
	testPlace(t, db, 5)
	p := &testPublisher{}
	testRelay(t, db, p, 3, 3, false)
	if want := []int64{1, 2, 3}; !slices.Equal(p.published, want) {
		t.Fatalf("5 events waiting, Relay(limit 3) published the events of orders %v, want %v (the oldest first)", p.published, want)
	}
	if got, want := testUnpublished(t, db), []int64{4, 5}; !slices.Equal(got, want) {
		t.Errorf("after Relay(limit 3), the events not marked published are %v, want %v", got, want)
	}
	testRelay(t, db, p, 3, 2, false)
	testRelay(t, db, p, 3, 0, false)
	if want := []int64{1, 2, 3, 4, 5}; !slices.Equal(p.published, want) {
		t.Errorf("after three Relay(limit 3) on 5 events, the events of orders %v were published, want %v: each once, in order", p.published, want)
	}
	if got := testUnpublished(t, db); len(got) != 0 {
		t.Errorf("every event was published, yet events %v are not marked published", got)
	}
	if len(p.bad) > 0 {
		t.Errorf("Publish got %q, want topic %q and the payload PlaceOrder stored", p.bad, Topic)
	}
}

// TestRelayPublishFails makes the broker refuse the event of order 3.
func TestRelayPublishFails(t *testing.T) {
	db := testOpen(t)
	testPlace(t, db, 5)
	p := &testPublisher{fail: map[int64]bool{3: true}}
	testRelay(t, db, p, 10, 2, true)
	if want := []int64{1, 2, 3}; !slices.Equal(p.attempts, want) {
		t.Errorf("Publish failed for the event of order 3: Relay tried to publish the events of orders %v, want %v (stop at the first failure, so events keep their order)", p.attempts, want)
	}
	switch got, want := testUnpublished(t, db), []int64{3, 4, 5}; {
	case !slices.Contains(got, 3):
		t.Errorf("Publish failed for the event of order 3, yet it is marked published (the events not marked are %v, want %v): it would never be sent; mark an event only after Publish succeeded", got, want)
	case !slices.Equal(got, want):
		t.Errorf("Publish failed for the event of order 3: the events not marked published are %v, want %v", got, want)
	}
	p.fail = nil
	testRelay(t, db, p, 10, 3, false)
	if want := []int64{1, 2, 3, 4, 5}; !slices.Equal(p.published, want) {
		t.Errorf("after the broker came back, the events of orders %v were published, want %v", p.published, want)
	}
}
