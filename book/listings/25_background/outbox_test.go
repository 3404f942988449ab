package background

import (
	"context"
	"database/sql"
	"fmt"

	_ "modernc.org/sqlite"
)

// ANCHOR: outbox
// signUp creates a user and records the event that announces it in the
// same transaction: both rows are committed, or neither is. The event is
// sent later, by a relay that reads the outbox.
func signUp(ctx context.Context, db *sql.DB, email string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after a successful Commit

	if _, err := tx.ExecContext(ctx,
		`INSERT INTO users (email) VALUES ($1)`, email); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO outbox (topic, payload) VALUES ('user.created', $1)`,
		fmt.Sprintf(`{"email":%q}`, email)); err != nil {
		return err
	}
	return tx.Commit()
}

// ANCHOR_END: outbox

func Example_signUp() {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		panic(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // each connection to :memory: is its own database
	ctx := context.Background()
	for _, s := range []string{
		`CREATE TABLE users (email TEXT PRIMARY KEY)`,
		`CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT,
			topic TEXT NOT NULL, payload TEXT NOT NULL, published_at TEXT)`,
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			panic(err)
		}
	}
	fmt.Println(signUp(ctx, db, "ada@example.com"))
	fmt.Println(signUp(ctx, db, "ada@example.com") != nil) // duplicate email
	var users, events int
	db.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&users)
	db.QueryRowContext(ctx, `SELECT count(*) FROM outbox`).Scan(&events)
	fmt.Println(users, "user,", events, "event")
	// Output:
	// <nil>
	// true
	// 1 user, 1 event
}
