// Wrong: sizes the map but lets append grow the slice step by step.
// IDs and ByEmail start empty and let append and the map grow one step at
// a time, reallocating and copying as they go. Both know the final size
// before the loop: make the slice with that capacity and the map with that
// size hint, so that IDs allocates once and ByEmail as little as it can.
package index

// User is a user as loaded from the database.
type User struct {
	ID    int64
	Email string
	Name  string
}

// IDs returns the users' IDs, in the users' order.
func IDs(users []User) []int64 {
	// Length 0, capacity len(users): append never has to grow it.
	var ids []int64
	for _, u := range users {
		ids = append(ids, u.ID)
	}
	return ids
}

// ByEmail returns the users keyed by email. (Emails are unique.)
func ByEmail(users []User) map[string]User {
	// The size hint makes room for len(users) entries up front.
	m := make(map[string]User, len(users))
	for _, u := range users {
		m[u.Email] = u
	}
	return m
}
