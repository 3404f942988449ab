// Wrong: "" is not in the allowlist, so the default order is refused with ErrBadOrder.
// FindUsers pastes its arguments into the SQL text, so a team name such as
// x' OR '1'='1 rewrites the query. Pass team as a placeholder ($1) instead.
// A column name cannot be a placeholder: accept only "id", "name", "email"
// or "" (meaning "id") for orderBy, and return ErrBadOrder (wrapped) for
// anything else.
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

// orderColumns maps what a caller may ask for to the SQL that is used: the
// SQL text only ever holds strings written here, never the caller's.
var orderColumns = map[string]string{
	"id":    "id",
	"name":  "name",
	"email": "email",
}

// FindUsers returns the users of team, ordered by orderBy: "id", "name" or
// "email"; "" means "id".
func FindUsers(ctx context.Context, db *sql.DB, team, orderBy string) ([]User, error) {
	column, ok := orderColumns[orderBy]
	if !ok {
		return nil, fmt.Errorf("order by %q: %w", orderBy, ErrBadOrder)
	}
	// team travels separately from the SQL text: the database never
	// parses it as SQL, whatever it contains.
	query := "SELECT id, name, email, team FROM users WHERE team = $1 ORDER BY " + column
	rows, err := db.QueryContext(ctx, query, team)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	defer rows.Close()
	var users []User
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
