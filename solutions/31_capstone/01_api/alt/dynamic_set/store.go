// Alternative: Update builds its SET clause from the fields sent, Delete uses RETURNING, List adds its WHERE only for a query.

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
	b, err := scanBookmark(s.db.QueryRowContext(ctx, selectBookmarks+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
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
	q, args := selectBookmarks, []any{}
	if query != "" {
		// SQLite's upper() changes ASCII letters only.
		q += ` WHERE instr(upper(title), upper(?)) > 0`
		args = append(args, query)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC`, args...)
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
	var set []string
	var args []any
	for _, f := range []struct {
		column string
		value  *string
	}{{"url", p.URL}, {"title", p.Title}, {"notes", p.Notes}} {
		if f.value != nil {
			// The column names are constants of this function, never input.
			set = append(set, f.column+" = ?")
			args = append(args, *f.value)
		}
	}
	if len(set) == 0 {
		return s.Get(ctx, id)
	}
	res, err := s.db.ExecContext(ctx,
		`UPDATE bookmarks SET `+strings.Join(set, ", ")+` WHERE id = ?`,
		append(args, id)...)
	if err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, err)
	} else if n == 0 {
		return Bookmark{}, fmt.Errorf("update bookmark %d: %w", id, ErrNotFound)
	}
	return s.Get(ctx, id)
}

// Delete removes the bookmark with this id; an error wraps ErrNotFound
// when there was none.
func (s *Store) Delete(ctx context.Context, id int64) error {
	var deleted int64
	err := s.db.QueryRowContext(ctx,
		`DELETE FROM bookmarks WHERE id = ? RETURNING id`, id).Scan(&deleted)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("delete bookmark %d: %w", id, err)
	}
	return nil
}

// selectBookmarks selects the columns scanBookmark reads.
const selectBookmarks = `SELECT id, url, title, notes, created_at FROM bookmarks`

// scanBookmark reads the columns id, url, title, notes, created_at, in
// that order, from a *sql.Row or *sql.Rows.
func scanBookmark(row interface{ Scan(...any) error }) (Bookmark, error) {
	var b Bookmark
	err := row.Scan(&b.ID, &b.URL, &b.Title, &b.Notes, &b.CreatedAt)
	return b, err
}
