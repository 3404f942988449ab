// Scans the email into sql.NullString and closes rows with an explicit Close on every path instead of defer.
package users

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotFound is returned, wrapped, when there is no user with that id.
var ErrNotFound = errors.New("user not found")

// User is a row of users(id, name, email). name is never NULL; email may be.
type User struct {
	ID    int64
	Name  string
	Email *string // nil when the column is NULL
}

func valid(ns sql.NullString) *string {
	if !ns.Valid {
		return nil
	}
	s := ns.String
	return &s
}

// GetUser returns the user with that id.
func GetUser(ctx context.Context, db *sql.DB, id int64) (User, error) {
	var u User
	var email sql.NullString
	err := db.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Name, &email)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	}
	u.Email = valid(email)
	return u, nil
}

// ListUsers returns every user, ordered by id.
func ListUsers(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, email FROM users ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	var users []User
	for rows.Next() {
		var u User
		var email sql.NullString
		if err := rows.Scan(&u.ID, &u.Name, &email); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list users: %w", err)
		}
		u.Email = valid(email)
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return nil, fmt.Errorf("list users: %w", err)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}
