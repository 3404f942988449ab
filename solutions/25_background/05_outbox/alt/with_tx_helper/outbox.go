// Alternative: a withTx helper runs a function in a transaction and commits
// only if it returned nil; Relay reads the batch into a slice with
// QueryContext and marks each event with its own statement.
package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
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

func withTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, tx.Rollback())
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// PlaceOrder inserts an order and, in the same transaction, an outbox row
// with topic Topic and the order as an Event in JSON. Either both rows are
// committed or neither is. It returns the new order's id.
func PlaceOrder(ctx context.Context, db *sql.DB, item string, qty int) (int64, error) {
	var id int64
	err := withTx(ctx, db, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO orders (item, qty) VALUES (?, ?)`, item, qty)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		payload, err := json.Marshal(Event{id, item, qty})
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES (?, ?)`, Topic, payload)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("place order: %w", err)
	}
	return id, nil
}

// Publisher sends an event to the message broker.
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

type event struct {
	id      int64
	topic   string
	payload []byte
}

// Relay publishes up to limit unpublished events, oldest (lowest id)
// first, and marks each one published (sets published_at) only after
// Publish returned nil for it. It stops at the first error, returning how
// many events it published and the error (wrapped); that event and the
// later ones stay unpublished, for the next Relay.
func Relay(ctx context.Context, db *sql.DB, pub Publisher, limit int) (int, error) {
	events, err := unpublished(ctx, db, limit)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, e := range events {
		if err := pub.Publish(ctx, e.topic, e.payload); err != nil {
			return done, fmt.Errorf("relay: %w", err)
		}
		done++
		if _, err := db.ExecContext(ctx, `UPDATE outbox SET published_at = datetime('now') WHERE id = ?`, e.id); err != nil {
			return done, fmt.Errorf("relay: %w", err)
		}
	}
	return done, nil
}

func unpublished(ctx context.Context, db *sql.DB, limit int) ([]event, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var events []event
	for rows.Next() {
		var e event
		if err := rows.Scan(&e.id, &e.topic, &e.payload); err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	return events, rows.Err()
}
