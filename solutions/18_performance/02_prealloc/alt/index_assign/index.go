// Makes the slice with its full length and assigns by index instead of appending.
package index

// User is a user as loaded from the database.
type User struct {
	ID    int64
	Email string
	Name  string
}

// IDs returns the users' IDs, in the users' order.
func IDs(users []User) []int64 {
	ids := make([]int64, len(users))
	for i := range users {
		ids[i] = users[i].ID
	}
	return ids
}

// ByEmail returns the users keyed by email. (Emails are unique.)
func ByEmail(users []User) map[string]User {
	m := make(map[string]User, len(users))
	for i := range users {
		m[users[i].Email] = users[i]
	}
	return m
}
