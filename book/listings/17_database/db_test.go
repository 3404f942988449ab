package dbdemo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite" // registers the driver "sqlite"
)

// demoDB opens a fresh SQLite database in a temporary directory; cleanup
// closes it and removes the directory.
func demoDB() (db *sql.DB, cleanup func()) {
	dir, err := os.MkdirTemp("", "dbdemo")
	if err != nil {
		panic(err)
	}
	db, err = sql.Open("sqlite", "file:"+filepath.Join(dir, "library.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		panic(err)
	}
	return db, func() { db.Close(); os.RemoveAll(dir) }
}

// mustExec runs setup statements.
func mustExec(db *sql.DB, stmts ...string) {
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			panic(fmt.Sprintf("%s: %v", s, err))
		}
	}
}

func Example_openDoesNotConnect() {
	// ANCHOR: lazy
	// A directory that does not exist: no database can be created there.
	db, err := sql.Open("sqlite", "file:/no/such/directory/library.db")
	fmt.Println("sql.Open:", err)
	fmt.Println("connections:", db.Stats().OpenConnections)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = db.PingContext(ctx) // the first real connection
	fmt.Println("PingContext failed:", err != nil)
	db.Close()
	// ANCHOR_END: lazy

	// Output:
	// sql.Open: <nil>
	// connections: 0
	// PingContext failed: true
}

func Example_poolStats() {
	db, cleanup := demoDB()
	defer cleanup()
	ctx := context.Background()
	// ANCHOR: pool
	db.SetMaxOpenConns(3)                  // never more than 3 connections
	db.SetMaxIdleConns(1)                  // keep 1 open for the next query
	db.SetConnMaxLifetime(5 * time.Minute) // then replace it
	db.SetConnMaxIdleTime(time.Minute)     // or close it when unused that long

	// Three callers each hold a connection (a transaction, a long query…)
	var held []*sql.Conn
	for range 3 {
		c, err := db.Conn(ctx)
		if err != nil {
			panic(err)
		}
		held = append(held, c)
	}
	s := db.Stats()
	fmt.Printf("open %d, in use %d, idle %d\n", s.OpenConnections, s.InUse, s.Idle)

	// … a fourth has to wait for one of them.
	wait, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	_, err := db.Conn(wait)
	cancel()
	fmt.Println("fourth:", err)

	for _, c := range held {
		c.Close() // back to the pool
	}
	s = db.Stats()
	fmt.Printf("open %d, in use %d, idle %d, closed as surplus %d, waited %d time(s)\n",
		s.OpenConnections, s.InUse, s.Idle, s.MaxIdleClosed, s.WaitCount)
	// ANCHOR_END: pool

	// Output:
	// open 3, in use 3, idle 0
	// fourth: context deadline exceeded
	// open 1, in use 0, idle 1, closed as surplus 2, waited 1 time(s)
}

func Example_queryTimeout() {
	db, cleanup := demoDB()
	defer cleanup()
	// ANCHOR: timeout
	// A report that counts to a billion: far too slow.
	const report = `WITH RECURSIVE n(i) AS (
			SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)
		SELECT count(*) FROM n`

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	var count int64
	err := db.QueryRowContext(ctx, report).Scan(&count)

	fmt.Println(err)
	fmt.Println("a deadline:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println("stopped within a second:", time.Since(start) < time.Second)
	// ANCHOR_END: timeout

	// Output:
	// context deadline exceeded
	// a deadline: true
	// stopped within a second: true
}

// ANCHOR: book
// ErrNoBook is the package's own "not found": callers need not know that a
// database is involved.
var ErrNoBook = errors.New("no such book")

// Book is a row of books; isbn may be NULL.
type Book struct {
	ID    int64
	Title string
	ISBN  sql.Null[string] // Valid is false for NULL
}

// ANCHOR_END: book

// ANCHOR: queryrow
func bookByID(ctx context.Context, db *sql.DB, id int64) (Book, error) {
	var b Book
	err := db.QueryRowContext(ctx,
		`SELECT id, title, isbn FROM books WHERE id = $1`, id).
		Scan(&b.ID, &b.Title, &b.ISBN)
	if errors.Is(err, sql.ErrNoRows) {
		return Book{}, fmt.Errorf("book %d: %w", id, ErrNoBook)
	}
	if err != nil {
		return Book{}, fmt.Errorf("book %d: %w", id, err)
	}
	return b, nil
}

// ANCHOR_END: queryrow

// ANCHOR: rows
func booksBy(ctx context.Context, db *sql.DB, author string) ([]Book, error) {
	rows, err := db.QueryContext(ctx,
		`SELECT id, title, isbn FROM books WHERE author = $1 ORDER BY title`, author)
	if err != nil {
		return nil, fmt.Errorf("books by %s: %w", author, err)
	}
	defer rows.Close() // 1. whatever happens below, give the connection back

	var books []Book
	for rows.Next() { // 2. false at the end, and on an error
		var b Book
		if err := rows.Scan(&b.ID, &b.Title, &b.ISBN); err != nil {
			return nil, fmt.Errorf("books by %s: %w", author, err)
		}
		books = append(books, b)
	}
	if err := rows.Err(); err != nil { // 3. which of the two was it?
		return nil, fmt.Errorf("books by %s: %w", author, err)
	}
	return books, nil
}

// ANCHOR_END: rows

func libraryDB() (*sql.DB, func()) {
	db, cleanup := demoDB()
	mustExec(db,
		`CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL, isbn TEXT)`,
		`INSERT INTO books (id, title, author, isbn) VALUES
			(1, 'The Go Programming Language', 'Donovan', '978-0134190440'),
			(2, 'Notes on Go', 'Donovan', NULL),
			(3, 'Go in Practice', 'Butcher', '978-1633430075')`)
	return db, cleanup
}

func Example_scan() {
	db, cleanup := libraryDB()
	defer cleanup()
	ctx := context.Background()

	// ANCHOR: scan
	books, err := booksBy(ctx, db, "Donovan")
	fmt.Println(err)
	for _, b := range books {
		if b.ISBN.Valid {
			fmt.Printf("%d %s (ISBN %s)\n", b.ID, b.Title, b.ISBN.V)
		} else {
			fmt.Printf("%d %s (no ISBN)\n", b.ID, b.Title)
		}
	}
	_, err = bookByID(ctx, db, 42)
	fmt.Println(err, errors.Is(err, ErrNoBook))
	// ANCHOR_END: scan

	// Output:
	// <nil>
	// 2 Notes on Go (no ISBN)
	// 1 The Go Programming Language (ISBN 978-0134190440)
	// book 42: no such book true
}

func Example_injection() {
	db, cleanup := libraryDB()
	defer cleanup()
	ctx := context.Background()
	// ANCHOR: injection
	author := "nobody' OR '1'='1" // typed into a search box

	// The input becomes part of the SQL text: it rewrites the query.
	query := "SELECT count(*) FROM books WHERE author = '" + author + "'"
	var n int
	db.QueryRowContext(ctx, query).Scan(&n)
	fmt.Println(query)
	fmt.Println("concatenated:", n, "books")

	// The input travels apart from the SQL text: it is only ever a value.
	db.QueryRowContext(ctx,
		`SELECT count(*) FROM books WHERE author = $1`, author).Scan(&n)
	fmt.Println("placeholder:", n, "books")
	// ANCHOR_END: injection

	// Output:
	// SELECT count(*) FROM books WHERE author = 'nobody' OR '1'='1'
	// concatenated: 3 books
	// placeholder: 0 books
}

// ANCHOR: sortable
// sortColumns is an allowlist: what a client may ask for, and the SQL that
// the query then gets, written here and nowhere else.
var sortColumns = map[string]string{
	"title":  "title",
	"newest": "id DESC",
}

func listBooks(ctx context.Context, db *sql.DB, sort string) (*sql.Rows, error) {
	orderBy, ok := sortColumns[sort]
	if !ok {
		return nil, fmt.Errorf("cannot sort by %q", sort)
	}
	return db.QueryContext(ctx, `SELECT id, title FROM books ORDER BY `+orderBy)
}

// ANCHOR_END: sortable

func Example_sortable() {
	db, cleanup := libraryDB()
	defer cleanup()
	for _, sort := range []string{"newest", "title; DROP TABLE books"} {
		rows, err := listBooks(context.Background(), db, sort)
		if err != nil {
			fmt.Println(err)
			continue
		}
		for rows.Next() {
			var id int
			var title string
			rows.Scan(&id, &title)
			fmt.Println(id, title)
		}
		rows.Close()
	}

	// Output:
	// 3 Go in Practice
	// 2 Notes on Go
	// 1 The Go Programming Language
	// cannot sort by "title; DROP TABLE books"
}
