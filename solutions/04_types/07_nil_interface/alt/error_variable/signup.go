// Alternative: the variable has the interface type error, so it stays a
// true nil when no case sets it.
package signup

import "strings"

// Request is a sign-up form.
type Request struct {
	Username string
	Email    string
}

// FieldError reports the first invalid field of a Request.
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string {
	return e.Field + ": " + e.Problem
}

// Check returns nil when r is valid, and a *FieldError naming the first
// invalid field otherwise: "username" when it is blank, "email" when it has
// no "@".
func Check(r Request) error {
	var err error
	switch {
	case strings.TrimSpace(r.Username) == "":
		err = &FieldError{Field: "username", Problem: "is required"}
	case !strings.Contains(r.Email, "@"):
		err = &FieldError{Field: "email", Problem: "must contain @"}
	}
	return err
}
