// GetUser uses QueryContext and rows.Next (no row means not found) and both share a scan helper.
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

func scan(rows *sql.Rows) (User, error) {
	var u User
	err := rows.Scan(&u.ID, &u.Name, &u.Email)
	return u, err
}

// GetUser returns the user with that id.
func GetUser(ctx context.Context, db *sql.DB, id int64) (User, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id)
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

// ListUsers returns every user, ordered by id.
func ListUsers(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, email FROM users ORDER BY id`)
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
