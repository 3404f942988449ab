// Reserves room with slices.Grow on a nil slice before appending.
package index

import "slices"

// User is a user as loaded from the database.
type User struct {
	ID    int64
	Email string
	Name  string
}

// IDs returns the users' IDs, in the users' order.
func IDs(users []User) []int64 {
	ids := slices.Grow([]int64(nil), len(users))
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// ByEmail returns the users keyed by email. (Emails are unique.)
func ByEmail(users []User) map[string]User {
	n := len(users)
	m := make(map[string]User, n)
	for _, u := range users {
		m[u.Email] = u
	}
	return m
}
