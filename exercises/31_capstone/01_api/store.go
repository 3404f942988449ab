// The repository: every SQL statement of the service lives in this file,
// and every value a client sent reaches SQLite through a ? placeholder,
// never by pasting it into the SQL text.
package bookmarks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver for database/sql, in pure Go
)

// ErrNotFound means no bookmark has the id asked for.
var ErrNotFound = errors.New("bookmark not found")

// schema creates the table on first start and changes nothing after.
// AUTOINCREMENT: the id of a deleted bookmark is never given again.
const schema = `CREATE TABLE IF NOT EXISTS bookmarks (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	url        TEXT NOT NULL,
	title      TEXT NOT NULL,
	notes      TEXT NOT NULL DEFAULT '',
	created_at DATETIME NOT NULL
)`

// Store keeps bookmarks in a SQLite database. It is safe for concurrent
// use: *sql.DB is.
type Store struct {
	db *sql.DB
}

// Open opens the SQLite database at path (":memory:" for one that lives
// as long as the Store), creating the file and the schema if needed.
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// SQLite lets one connection write at a time, and every connection to
	// ":memory:" is a database of its own: one connection serves all
	// requests, one statement after the other.
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("create schema in %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return s.db.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	return s.db.PingContext(ctx)
}

// Create saves a new bookmark and returns it with its id and creation time.
func (s *Store) Create(ctx context.Context, in Input) (Bookmark, error) {
	b := Bookmark{
		URL:       in.URL,
		Title:     in.Title,
		Notes:     in.Notes,
		CreatedAt: time.Now().UTC().Truncate(time.Millisecond),
	}
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO bookmarks (url, title, notes, created_at) VALUES (?, ?, ?, ?) RETURNING id`,
		b.URL, b.Title, b.Notes, b.CreatedAt,
	).Scan(&b.ID)
	if err != nil {
		return Bookmark{}, fmt.Errorf("create bookmark: %w", err)
	}
	return b, nil
}

// Get returns the bookmark with this id, or an error wrapping ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Bookmark, error) {
	// TODO: SELECT the columns scanBookmark reads WHERE id = ?, and scan
	// the row. No row is sql.ErrNoRows: return an error wrapping
	// ErrNotFound then, and wrap any other error with %w.
	return Bookmark{}, errors.ErrUnsupported
}

// List returns the bookmarks whose title contains query, ignoring ASCII
// case (all of them when query is ""), newest first. It never returns a
// nil slice.
func (s *Store) List(ctx context.Context, query string) ([]Bookmark, error) {
	// TODO: one SELECT with the query as a ? argument, ORDER BY id DESC.
	// Close the rows, check rows.Err(), and start from an empty slice.
	return nil, errors.ErrUnsupported
}

// Update changes the fields of the bookmark that p sets, keeps the others,
// and returns the result; an error wraps ErrNotFound when there is no such
// bookmark.
func (s *Store) Update(ctx context.Context, id int64, p Patch) (Bookmark, error) {
	// TODO: change only the fields p sets (a nil *string is sent to SQLite
	// as NULL), then return the bookmark as stored.
	return Bookmark{}, errors.ErrUnsupported
}

// Delete removes the bookmark with this id; an error wraps ErrNotFound
// when there was none.
func (s *Store) Delete(ctx context.Context, id int64) error {
	// TODO: DELETE WHERE id = ?; the result's RowsAffected tells whether
	// there was such a bookmark.
	return errors.ErrUnsupported
}

// scanBookmark reads the columns id, url, title, notes, created_at, in
// that order, from a *sql.Row or *sql.Rows.
func scanBookmark(row interface{ Scan(...any) error }) (Bookmark, error) {
	var b Bookmark
	err := row.Scan(&b.ID, &b.URL, &b.Title, &b.Notes, &b.CreatedAt)
	return b, err
}
