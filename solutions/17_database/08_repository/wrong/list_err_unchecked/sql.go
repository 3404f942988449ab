// Wrong: List does not check rows.Err(): a failure while reading rows looks like the end of the list.
// SQLRepository is the Repository the service runs on, but its methods are
// not written yet. Write them, against the table users(id, name, email)
// whose id the database assigns and whose email is UNIQUE, so that they
// keep the same contract as MemoryRepository: the same results and the
// same errors (ErrNotFound, ErrEmailTaken, wrapped) for the same calls.
package userstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SQLRepository stores users in a database/sql database.
type SQLRepository struct {
	db *sql.DB
}

var _ Repository = (*SQLRepository)(nil)

// NewSQLRepository returns a Repository backed by db.
func NewSQLRepository(db *sql.DB) *SQLRepository {
	return &SQLRepository{db: db}
}

// Create stores a new user.
func (r *SQLRepository) Create(ctx context.Context, name, email string) (User, error) {
	// INSERT … ON CONFLICT (email) DO NOTHING RETURNING id inserts and
	// returns the new id in one statement, in SQLite and PostgreSQL alike;
	// when the email is taken, it returns no row at all.
	var id int64
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO users (name, email) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id`,
		name, email).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("create user %q: %w", email, ErrEmailTaken)
	}
	if err != nil {
		return User{}, fmt.Errorf("create user %q: %w", email, err)
	}
	return User{ID: id, Name: name, Email: email}, nil
}

// Get returns the user with that id.
func (r *SQLRepository) Get(ctx context.Context, id int64) (User, error) {
	var u User
	err := r.db.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Name, &u.Email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	}
	return u, nil
}

// List returns every user, ordered by ID.
func (r *SQLRepository) List(ctx context.Context) ([]User, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, name, email FROM users ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		users = append(users, u)
	}
	return users, nil
}

// Delete removes the user with that id.
func (r *SQLRepository) Delete(ctx context.Context, id int64) error {
	res, err := r.db.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete user %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("delete user %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	return nil
}
