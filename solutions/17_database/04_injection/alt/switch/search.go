// Checks orderBy with a switch instead of a map, and collects rows into a non-nil slice.
package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrBadOrder is returned, wrapped, when FindUsers cannot order by orderBy.
var ErrBadOrder = errors.New("cannot order users by that")

// User is a row of users(id, name, email, team).
type User struct {
	ID    int64
	Name  string
	Email string
	Team  string
}

// FindUsers returns the users of team, ordered by orderBy: "id", "name" or
// "email"; "" means "id".
func FindUsers(ctx context.Context, db *sql.DB, team, orderBy string) ([]User, error) {
	var column string
	switch orderBy {
	case "", "id":
		column = "id"
	case "name", "email":
		column = orderBy
	default:
		return nil, fmt.Errorf("find users: order by %q: %w", orderBy, ErrBadOrder)
	}
	rows, err := db.QueryContext(ctx, "SELECT id, name, email, team FROM users WHERE team = $1 ORDER BY "+column, team)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	defer rows.Close()
	users := []User{}
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email, &u.Team); err != nil {
			return nil, fmt.Errorf("find users: %w", err)
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	return users, nil
}
