// Alternative: PlaceOrder gets the new id with INSERT … RETURNING; Relay
// collects the ids it published and marks them all in one UPDATE … WHERE
// id IN (…) before returning, whether it stopped on an error or not.
package outbox

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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
func PlaceOrder(ctx context.Context, db *sql.DB, item string, qty int) (id int64, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	err = tx.QueryRowContext(ctx, `INSERT INTO orders (item, qty) VALUES ($1, $2) RETURNING id`, item, qty).Scan(&id)
	if err != nil {
		return 0, err
	}
	var b strings.Builder
	if err := json.NewEncoder(&b).Encode(Event{OrderID: id, Item: item, Qty: qty}); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ($1, $2)`,
		Topic, strings.TrimSpace(b.String())); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	committed = true
	return id, nil
}

// Publisher sends an event to the message broker.
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

// Relay publishes up to limit unpublished events, oldest (lowest id)
// first, and marks each one published (sets published_at) only after
// Publish returned nil for it. It stops at the first error, returning how
// many events it published and the error (wrapped); that event and the
// later ones stay unpublished, for the next Relay.
func Relay(ctx context.Context, db *sql.DB, pub Publisher, limit int) (n int, err error) {
	type row struct {
		id             int64
		topic, payload string
	}
	rows, err := db.QueryContext(ctx, `SELECT id, topic, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`, limit)
	if err != nil {
		return 0, err
	}
	var todo []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.topic, &r.payload); err != nil {
			rows.Close()
			return 0, err
		}
		todo = append(todo, r)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return 0, err
	}

	var sent []any
	defer func() {
		if len(sent) == 0 {
			return
		}
		marks := strings.TrimSuffix(strings.Repeat("?,", len(sent)), ",")
		_, markErr := db.ExecContext(ctx, `UPDATE outbox SET published_at = CURRENT_TIMESTAMP WHERE id IN (`+marks+`)`, sent...)
		if markErr != nil {
			err = errors.Join(err, fmt.Errorf("marking published events: %w", markErr))
		}
	}()
	for _, r := range todo {
		if err := pub.Publish(ctx, r.topic, []byte(r.payload)); err != nil {
			return len(sent), fmt.Errorf("publishing event %d: %w", r.id, err)
		}
		sent = append(sent, r.id)
	}
	return len(sent), nil
}
