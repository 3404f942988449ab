// Exercise: structs and constructors.
//
// NewUser builds a User without checking anything, and a zero Directory
// panics on its first Add. Make NewUser validate its input and fill in the
// default role, and make the zero value of Directory ready to use.
package users

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
	// TODO: trim the name, reject a blank name or an email without "@",
	// and set Role to "member".
	return &User{Name: name, Email: email}, nil
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
	// TODO: on a zero Directory the map is nil, and writing to a nil map
	// panics. Make the map here when there is none yet.
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
