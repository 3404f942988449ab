// Alternative: LIKE with the wildcards escaped, Update as read-modify-write in a transaction, Get via Rows.

// The repository: every SQL statement of the service lives in this file,
// and every value a client sent reaches SQLite through a ? placeholder,
// never by pasting it into the SQL text.
package bookmarks

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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
	b, err := get(ctx, s.db, id)
	if err != nil {
		return Bookmark{}, fmt.Errorf("get bookmark %d: %w", id, err)
	}
	return b, nil
}

// List returns the bookmarks whose title contains query, ignoring ASCII
// case (all of them when query is ""), newest first. It never returns a
// nil slice.
func (s *Store) List(ctx context.Context, query string) ([]Bookmark, error) {
	// LIKE ignores ASCII case in SQLite; the client's % and _ are
	// escaped so that they match themselves.
	pattern := "%" + likeEscaper.Replace(query) + "%"
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, url, title, notes, created_at FROM bookmarks
		 WHERE title LIKE ? ESCAPE '\' ORDER BY id DESC`, pattern)
	if err != nil {
		return nil, fmt.Errorf("list bookmarks: %w", err)
	}
	defer rows.Close()
	list := make([]Bookmark, 0)
	for rows.Next() {
		b, err := scanBookmark(rows)
		if err != nil {
			return nil, fmt.Errorf("list bookmarks: %w", err)
		}
		list = append(list, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list bookmarks: %w", err)
	}
	return list, nil
}

// Update changes the fields of the bookmark that p sets, keeps the others,
// and returns the result; an error wraps ErrNotFound when there is no such
// bookmark.
func (s *Store) Update(ctx context.Context, id int64, p Patch) (Bookmark, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	}
	defer tx.Rollback() // a no-op after Commit

	b, err := get(ctx, tx, id)
	if err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	}
	if p.URL != nil {
		b.URL = *p.URL
	}
	if p.Title != nil {
		b.Title = *p.Title
	}
	if p.Notes != nil {
		b.Notes = *p.Notes
	}
	if _, err := tx.ExecContext(ctx,
		`UPDATE bookmarks SET url = ?, title = ?, notes = ? WHERE id = ?`,
		b.URL, b.Title, b.Notes, id); err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	}
	return b, nil
}

// Delete removes the bookmark with this id; an error wraps ErrNotFound
// when there was none.
func (s *Store) Delete(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM bookmarks WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete bookmark %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete bookmark %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("delete bookmark %d: %w", id, ErrNotFound)
	}
	return nil
}

// scanBookmark reads the columns id, url, title, notes, created_at, in
// that order, from a *sql.Row or *sql.Rows.
func scanBookmark(row interface{ Scan(...any) error }) (Bookmark, error) {
	var b Bookmark
	err := row.Scan(&b.ID, &b.URL, &b.Title, &b.Notes, &b.CreatedAt)
	return b, err
}

// likeEscaper makes LIKE's wildcards, and the escape character itself,
// match literally.
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// get reads the bookmark with this id through q, or returns ErrNotFound.
func get(ctx context.Context, q querier, id int64) (Bookmark, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT id, url, title, notes, created_at FROM bookmarks WHERE id = ?`, id)
	if err != nil {
		return Bookmark{}, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return Bookmark{}, err
		}
		return Bookmark{}, ErrNotFound
	}
	return scanBookmark(rows)
}
