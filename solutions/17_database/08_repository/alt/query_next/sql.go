// Get reads with QueryContext and rows.Next, and Delete learns whether the user existed from DELETE … RETURNING.
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

func scan(rows *sql.Rows) (User, error) {
	var u User
	return u, rows.Scan(&u.ID, &u.Name, &u.Email)
}

// Create stores a new user.
func (r *SQLRepository) Create(ctx context.Context, name, email string) (User, error) {
	var id int64
	err := r.db.QueryRowContext(ctx,
		`INSERT INTO users (name, email) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id`,
		name, email).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return User{}, fmt.Errorf("create user: %w", ErrEmailTaken)
	case err != nil:
		return User{}, fmt.Errorf("create user: %w", err)
	}
	return User{ID: id, Name: name, Email: email}, nil
}

// Get returns the user with that id.
func (r *SQLRepository) Get(ctx context.Context, id int64) (User, error) {
	rows, err := r.db.QueryContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id)
	if err != nil {
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return User{}, fmt.Errorf("get user %d: %w", id, err)
		}
		return User{}, fmt.Errorf("get user %d: %w", id, ErrNotFound)
	}
	u, err := scan(rows)
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
	users := []User{}
	for rows.Next() {
		u, err := scan(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}

// Delete removes the user with that id.
func (r *SQLRepository) Delete(ctx context.Context, id int64) error {
	var gone int64
	err := r.db.QueryRowContext(ctx, `DELETE FROM users WHERE id = $1 RETURNING id`, id).Scan(&gone)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("delete user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("delete user %d: %w", id, err)
	}
	return nil
}
