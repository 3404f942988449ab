// Wrong: commits the order first and writes the event afterwards: a crash
// or an error between the two leaves an order nobody hears about.
package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Schema is the database this package works on.
const Schema = `
CREATE TABLE orders (
	id   INTEGER PRIMARY KEY,
	item TEXT NOT NULL,
	qty  INTEGER NOT NULL
);
CREATE TABLE outbox (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	topic        TEXT NOT NULL,
	payload      TEXT NOT NULL,
	published_at TEXT -- NULL until the event has been published
);`

// Topic is the topic of the event PlaceOrder records.
const Topic = "order.placed"

// Event is the payload of an order.placed event, as JSON.
type Event struct {
	OrderID int64  `json:"order_id"`
	Item    string `json:"item"`
	Qty     int    `json:"qty"`
}

// PlaceOrder inserts an order and, in the same transaction, an outbox row
// with topic Topic and the order as an Event in JSON. Either both rows are
// committed or neither is. It returns the new order's id.
func PlaceOrder(ctx context.Context, db *sql.DB, item string, qty int) (int64, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback() // undoes everything unless Commit succeeded

	res, err := tx.ExecContext(ctx, `INSERT INTO orders (item, qty) VALUES ($1, $2)`, item, qty)
	if err != nil {
		return 0, fmt.Errorf("insert order: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	payload, err := json.Marshal(Event{OrderID: id, Item: item, Qty: qty})
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ($1, $2)`, Topic, string(payload)); err != nil {
		return 0, fmt.Errorf("insert event: %w", err)
	}
	return id, nil
}

// Publisher sends an event to the message broker.
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

type pending struct {
	id      int64
	topic   string
	payload string
}

// Relay publishes up to limit unpublished events, oldest (lowest id)
// first, and marks each one published (sets published_at) only after
// Publish returned nil for it. It stops at the first error, returning how
// many events it published and the error (wrapped); that event and the
// later ones stay unpublished, for the next Relay.
func Relay(ctx context.Context, db *sql.DB, pub Publisher, limit int) (int, error) {
	// Read the batch first and close the rows: SQLite cannot write the
	// marks while a read of the same table is still open.
	rows, err := db.QueryContext(ctx,
		`SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return 0, err
	}
	var batch []pending
	for rows.Next() {
		var p pending
		if err := rows.Scan(&p.id, &p.topic, &p.payload); err != nil {
			rows.Close()
			return 0, err
		}
		batch = append(batch, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}

	for i, p := range batch {
		if err := pub.Publish(ctx, p.topic, []byte(p.payload)); err != nil {
			return i, fmt.Errorf("publish event %d: %w", p.id, err)
		}
		// Published: mark it. If this fails, the event is published again
		// by the next Relay: at least once, never zero times.
		if _, err := db.ExecContext(ctx,
			`UPDATE outbox SET published_at = CURRENT_TIMESTAMP WHERE id = $1`, p.id); err != nil {
			return i + 1, fmt.Errorf("mark event %d: %w", p.id, err)
		}
	}
	return len(batch), nil
}
