// Wrong: GetUser reads its one row with QueryContext and rows.Next, and never closes the rows.
// Reading rows has four traps, and this file falls into all of them. Fix
// them: no row is ErrNotFound (wrapped), a NULL email is a nil Email, rows
// are always closed (defer rows.Close()) and rows.Err() is checked after
// the loop. Errors are returned wrapped with %w.
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

// GetUser returns the user with that id.
func GetUser(ctx context.Context, db *sql.DB, id int64) (User, error) {
	var u User
	// Scanning into a **string: NULL leaves u.Email nil, a value makes it
	// point to a new string. (sql.NullString works too.)
	rows, err := db.QueryContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id)
	if err != nil {
		return User{}, fmt.Errorf("get user %d: %w", id, err)
	}
	if !rows.Next() {
		return User{}, fmt.Errorf("user %d: %w", id, ErrNotFound)
	}
	if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
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
	// Until rows is closed it holds a connection of the pool. Next closes
	// it after the last row, but an early return would leak it.
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		users = append(users, u)
	}
	// Next returns false at the end and on an error: only Err tells which.
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}
