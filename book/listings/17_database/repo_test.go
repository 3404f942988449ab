package dbdemo

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"testing"
)

// ANCHOR: repo
// Shelf is what the rest of the service needs from storage, and no more.
// It is declared where it is used (the service), not where it is
// implemented.
type Shelf interface {
	Add(ctx context.Context, title, author string) (int64, error)
	Title(ctx context.Context, id int64) (string, error)
}

// SQLShelf is the implementation the service runs on.
type SQLShelf struct{ DB *sql.DB }

func (s SQLShelf) Add(ctx context.Context, title, author string) (int64, error) {
	var id int64
	err := s.DB.QueryRowContext(ctx,
		`INSERT INTO books (title, author) VALUES ($1, $2) RETURNING id`,
		title, author).Scan(&id)
	return id, err
}

func (s SQLShelf) Title(ctx context.Context, id int64) (string, error) {
	var title string
	err := s.DB.QueryRowContext(ctx,
		`SELECT title FROM books WHERE id = $1`, id).Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNoBook // the database's word turned into the service's
	}
	return title, err
}

// MemShelf is a stand-in for handler tests: fast, no database needed.
type MemShelf struct {
	mu     sync.Mutex
	titles []string
}

func (m *MemShelf) Add(_ context.Context, title, _ string) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.titles = append(m.titles, title)
	return int64(len(m.titles)), nil
}

func (m *MemShelf) Title(_ context.Context, id int64) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if id < 1 || id > int64(len(m.titles)) {
		return "", ErrNoBook
	}
	return m.titles[id-1], nil
}

// ANCHOR_END: repo

// ANCHOR: contract
// testShelf is the contract: every Shelf must pass it.
func testShelf(t *testing.T, newShelf func(t *testing.T) Shelf) {
	ctx := t.Context()
	s := newShelf(t)
	id, err := s.Add(ctx, "Go in Practice", "Butcher")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Title(ctx, id); err != nil || got != "Go in Practice" {
		t.Errorf("Title(%d) = %q, %v", id, got, err)
	}
	if _, err := s.Title(ctx, id+100); !errors.Is(err, ErrNoBook) {
		t.Errorf("Title(unknown) error = %v, want ErrNoBook", err)
	}
}

func TestMemShelf(t *testing.T) {
	testShelf(t, func(*testing.T) Shelf { return &MemShelf{} })
}

func TestSQLShelf(t *testing.T) {
	testShelf(t, func(t *testing.T) Shelf {
		db, cleanup := demoDB()
		t.Cleanup(cleanup)
		mustExec(db, `CREATE TABLE books (
			id INTEGER PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL)`)
		return SQLShelf{DB: db}
	})
}

// ANCHOR_END: contract
