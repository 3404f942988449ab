// Alternative: the checks live in a helper named valid that returns the
// error, and Add makes its map through a small helper.
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
	if err := valid(name, email); err != nil {
		return nil, err
	}
	u := new(User)
	u.Name, u.Email, u.Role = name, email, "member"
	return u, nil
}

func valid(name, email string) error {
	switch {
	case name == "":
		return errors.New("users: name is empty")
	case !strings.ContainsRune(email, '@'):
		return errors.New("users: email has no @")
	}
	return nil
}

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
	d.list()[u.Email] = u
}

// list returns the map, made on first use.
func (d *Directory) list() map[string]*User {
	if d.byEmail == nil {
		d.byEmail = map[string]*User{}
	}
	return d.byEmail
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
