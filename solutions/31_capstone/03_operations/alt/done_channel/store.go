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
	row := s.db.QueryRowContext(ctx,
		`SELECT id, url, title, notes, created_at FROM bookmarks WHERE id = ?`, id)
	b, err := scanBookmark(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Bookmark{}, fmt.Errorf("get bookmark %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Bookmark{}, fmt.Errorf("get bookmark %d: %w", id, err)
	}
	return b, nil
}

// List returns the bookmarks whose title contains query, ignoring ASCII
// case (all of them when query is ""), newest first. It never returns a
// nil slice.
func (s *Store) List(ctx context.Context, query string) ([]Bookmark, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, url, title, notes, created_at FROM bookmarks
		 WHERE instr(lower(title), lower(?)) > 0
		 ORDER BY id DESC`, query)
	if err != nil {
		return nil, fmt.Errorf("list bookmarks: %w", err)
	}
	defer rows.Close()
	list := []Bookmark{}
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
	// A nil *string reaches SQLite as NULL, and COALESCE(NULL, url) keeps
	// the current url: one statement, so no other request can slip in
	// between reading and writing.
	row := s.db.QueryRowContext(ctx,
		`UPDATE bookmarks SET
			url = COALESCE(?, url),
			title = COALESCE(?, title),
			notes = COALESCE(?, notes)
		 WHERE id = ?
		 RETURNING id, url, title, notes, created_at`,
		p.URL, p.Title, p.Notes, id)
	b, err := scanBookmark(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, ErrNotFound)
	}
	if err != nil {
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
