package dbdemo

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ANCHOR: tx
var ErrSoldOut = errors.New("sold out")

// reserve takes n seats of a show and records the booking: both or neither.
func reserve(
	ctx context.Context, db *sql.DB, show int64, customer string, n int,
) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	// Undo everything on any early return; a no-op after Commit.
	defer tx.Rollback()

	// Check and take in one statement: no other booking can slip in
	// between a SELECT and the UPDATE.
	res, err := tx.ExecContext(ctx,
		`UPDATE shows SET free = free - $1 WHERE id = $2 AND free >= $1`, n, show)
	if err != nil {
		return fmt.Errorf("reserve: %w", err)
	}
	if changed, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("reserve: %w", err)
	} else if changed == 0 {
		return fmt.Errorf("show %d, %d seats: %w", show, n, ErrSoldOut)
	}
	// Every statement of the transaction goes through tx, not db.
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO bookings (show_id, customer, seats) VALUES ($1, $2, $3)`,
		show, customer, n); err != nil {
		return fmt.Errorf("reserve: %w", err) // the UPDATE is rolled back too
	}
	return tx.Commit()
}

// ANCHOR_END: tx

func Example_transaction() {
	db, cleanup := demoDB()
	defer cleanup()
	mustExec(db,
		`CREATE TABLE shows (id INTEGER PRIMARY KEY, free INTEGER NOT NULL)`,
		`CREATE TABLE bookings (show_id INTEGER NOT NULL, customer TEXT NOT NULL CHECK (customer <> ''), seats INTEGER NOT NULL)`,
		`INSERT INTO shows (id, free) VALUES (1, 5)`)
	ctx := context.Background()
	// ANCHOR: tx-example
	free := func() (n int) {
		db.QueryRow(`SELECT free FROM shows WHERE id = 1`).Scan(&n)
		return n
	}

	fmt.Println(reserve(ctx, db, 1, "Ada", 3), free())
	fmt.Println(reserve(ctx, db, 1, "Grace", 3), free())
	// The booking breaks a CHECK (an empty customer): the seats taken by the
	// UPDATE just before are given back.
	fmt.Println(reserve(ctx, db, 1, "", 2) != nil, free())
	// ANCHOR_END: tx-example

	// Output:
	// <nil> 2
	// show 1, 3 seats: sold out 2
	// true 2
}

// ANCHOR: prepared
func addTags(ctx context.Context, db *sql.DB, book int64, tags []string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	stmt, err := tx.PrepareContext(ctx,
		`INSERT INTO tags (book_id, tag) VALUES ($1, $2)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, tag := range tags {
		if _, err := stmt.ExecContext(ctx, book, tag); err != nil {
			return fmt.Errorf("tag %q: %w", tag, err)
		}
	}
	return tx.Commit()
}

// ANCHOR_END: prepared

func Example_prepared() {
	db, cleanup := demoDB()
	defer cleanup()
	mustExec(db, `CREATE TABLE tags (book_id INTEGER NOT NULL, tag TEXT NOT NULL, UNIQUE (book_id, tag))`)
	ctx := context.Background()
	fmt.Println(addTags(ctx, db, 1, []string{"go", "concurrency", "networking"}))
	fmt.Println(addTags(ctx, db, 2, []string{"databases", "go", "databases"}))
	var n int
	db.QueryRow(`SELECT count(*) FROM tags`).Scan(&n)
	fmt.Println(n, "tags")

	// Output:
	// <nil>
	// tag "databases": constraint failed: UNIQUE constraint failed: tags.book_id, tags.tag (2067)
	// 3 tags
}

// ANCHOR: embed
// migrationFiles holds the files of migrations/, compiled into the binary.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one file of migrations/: 002_add_isbn.sql has version 2.
type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".sql")
		number, title, _ := strings.Cut(base, "_")
		version, err := strconv.Atoi(number)
		if err != nil {
			return nil, fmt.Errorf("%s: the name must start with a number", name)
		}
		text, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: version, name: title, sql: string(text)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	return ms, nil
}

// ANCHOR_END: embed

func Example_embedMigrations() {
	ms, err := loadMigrations(migrationFiles)
	fmt.Println(err)
	for _, m := range ms {
		fmt.Printf("%d %s: %d statement(s)\n", m.version, m.name, strings.Count(m.sql, ";"))
	}

	// Output:
	// <nil>
	// 1 create_books: 1 statement(s)
	// 2 add_isbn: 2 statement(s)
}

// ANCHOR: driver-error
// isUniqueViolation reports whether err is SQLite's "UNIQUE constraint
// failed". (With pgx: var pgErr *pgconn.PgError; errors.As(err, &pgErr) &&
// pgErr.Code == "23505".)
func isUniqueViolation(err error) bool {
	var sqliteErr *sqlite.Error
	return errors.As(err, &sqliteErr) &&
		sqliteErr.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// ANCHOR_END: driver-error

func Example_driverError() {
	db, cleanup := demoDB()
	defer cleanup()
	mustExec(db, `CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)`)
	_, err1 := db.Exec(`INSERT INTO members (email) VALUES ($1)`, "ada@example.org")
	_, err2 := db.Exec(`INSERT INTO members (email) VALUES ($1)`, "ada@example.org")
	fmt.Println(isUniqueViolation(err1), isUniqueViolation(err2))

	// Output:
	// false true
}
