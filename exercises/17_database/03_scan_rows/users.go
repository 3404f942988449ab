// Reading rows has four traps, and this file falls into all of them. Fix
// them: no row is ErrNotFound (wrapped), a NULL email is a nil Email, rows
// are always closed (defer rows.Close()) and rows.Err() is checked after
// the loop. Errors are returned wrapped with %w.
package users

import (
	"context"
	"database/sql"
	"errors"
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
	var email string
	err := db.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE id = $1`, id).
		Scan(&u.ID, &u.Name, &email)
	if err != nil {
		return User{}, err // TODO: no such user must be ErrNotFound
	}
	u.Email = &email
	return u, nil
}

// ListUsers returns every user, ordered by id.
func ListUsers(ctx context.Context, db *sql.DB) ([]User, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name, email FROM users ORDER BY id`)
	if err != nil {
		return nil, err
	}
	// TODO: make sure rows are closed, whichever way this function returns.
	var users []User
	for rows.Next() {
		var u User
		var email string
		if err := rows.Scan(&u.ID, &u.Name, &email); err != nil {
			return nil, err
		}
		u.Email = &email
		users = append(users, u)
	}
	// TODO: the loop also stops when reading a row fails: check rows.Err().
	return users, nil
}
