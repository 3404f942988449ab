// Wrong: makes the zero value work with one package-level map, shared by every Directory.
// Exercise: structs and constructors.
//
// NewUser builds a User without checking anything, and a zero Directory
// panics on its first Add. Make NewUser validate its input and fill in the
// default role, and make the zero value of Directory ready to use.
package users

import (
	"errors"
	"strings"
)

// User is an account of the service.
type User struct {
	Name  string
	Email string
	Role  string
}

// NewUser returns a new User with the given name and email and the role
// "member". The name is trimmed of surrounding spaces (strings.TrimSpace).
//
// NewUser returns a nil *User and an error (errors.New("...") makes one)
// when the trimmed name is empty or when the email has no "@" in it.
func NewUser(name, email string) (*User, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, errors.New("user: name is required")
	}
	if !strings.Contains(email, "@") {
		return nil, errors.New("user: email must contain @")
	}
	return &User{Name: name, Email: email, Role: "member"}, nil
}

// shared is the map every zero Directory ends up using.
var shared = make(map[string]*User)

// Directory finds users by email. Its zero value is an empty directory,
// ready to use:
//
//	var d Directory
//	d.Add(u)
type Directory struct {
	byEmail map[string]*User
}

// Add stores u under u.Email, replacing any user with the same email.
func (d *Directory) Add(u *User) {
	if d.byEmail == nil {
		d.byEmail = shared
	}
	d.byEmail[u.Email] = u
}

// Get returns the user with that email, and whether there is one.
func (d *Directory) Get(email string) (*User, bool) {
	u, ok := d.byEmail[email]
	return u, ok
}

// Len returns the number of users in the directory.
func (d *Directory) Len() int {
	return len(d.byEmail)
}
