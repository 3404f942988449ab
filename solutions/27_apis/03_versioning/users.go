package users

import "time"

// User is a user as the service stores it. The API once had a single
// name; the service now keeps given and family names apart.
type User struct {
	ID         int64
	GivenName  string
	FamilyName string
	Email      string
	Created    time.Time
}

// Store holds the users. It is read-only once built.
type Store map[int64]User
