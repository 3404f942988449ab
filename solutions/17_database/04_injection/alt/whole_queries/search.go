// Keeps one complete query per allowed order instead of appending a column to the SQL.
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

const byID = `SELECT id, name, email, team FROM users WHERE team = $1 ORDER BY id`

var queries = map[string]string{
	"":      byID,
	"id":    byID,
	"name":  `SELECT id, name, email, team FROM users WHERE team = $1 ORDER BY name`,
	"email": `SELECT id, name, email, team FROM users WHERE team = $1 ORDER BY email`,
}

// FindUsers returns the users of team, ordered by orderBy: "id", "name" or
// "email"; "" means "id".
func FindUsers(ctx context.Context, db *sql.DB, team, orderBy string) ([]User, error) {
	query, ok := queries[orderBy]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrBadOrder, orderBy)
	}
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
