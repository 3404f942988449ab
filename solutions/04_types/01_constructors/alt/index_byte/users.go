// Alternative: strings.IndexByte finds the @, the errors are made with
// fmt.Errorf and name the bad input, and the User is built as a value
// before its address is returned.
package users

import (
	"fmt"
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
	trimmed := strings.TrimSpace(name)
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("name %q is blank", name)
	}
	if strings.IndexByte(email, '@') == -1 {
		return nil, fmt.Errorf("email %q has no @", email)
	}
	u := User{Name: trimmed, Email: email, Role: "member"}
	return &u, nil
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
	if d.byEmail == nil {
		d.byEmail = make(map[string]*User, 1)
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
