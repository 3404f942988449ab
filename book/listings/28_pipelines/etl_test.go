package pipelines

import (
	"context"
	"database/sql"
	"fmt"

	_ "modernc.org/sqlite"
)

// ANCHOR: batch
// saveBatch inserts one batch of names and moves job's checkpoint to done,
// in one transaction: both happen, or neither does.
func saveBatch(ctx context.Context, db *sql.DB, job string, done int,
	names []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() // a no-op after Commit

	stmt, err := tx.PrepareContext(ctx, `INSERT INTO people (name) VALUES (?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, name := range names {
		if _, err := stmt.ExecContext(ctx, name); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO checkpoints (job, done) VALUES (?, ?)
		ON CONFLICT (job) DO UPDATE SET done = excluded.done`, job, done)
	if err != nil {
		return err
	}
	return tx.Commit()
}

// ANCHOR_END: batch

func Example_saveBatch() {
	ctx := context.Background()
	db, _ := sql.Open("sqlite", ":memory:")
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	db.ExecContext(ctx, `CREATE TABLE people (name TEXT UNIQUE)`)
	db.ExecContext(ctx, `CREATE TABLE checkpoints (job TEXT PRIMARY KEY, done INT)`)

	fmt.Println(saveBatch(ctx, db, "import", 2, []string{"ada", "alan"}))
	// The second batch fails half-way: "ada" is already there.
	err := saveBatch(ctx, db, "import", 4, []string{"grace", "ada"})
	fmt.Println(err != nil)

	var people, done int
	db.QueryRowContext(ctx, `SELECT count(*) FROM people`).Scan(&people)
	db.QueryRowContext(ctx, `SELECT done FROM checkpoints`).Scan(&done)
	fmt.Println(people, "people, checkpoint", done)
	// Output:
	// <nil>
	// true
	// 2 people, checkpoint 2
}
