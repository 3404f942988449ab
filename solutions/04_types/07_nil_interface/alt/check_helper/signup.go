// Alternative: a helper named check returns the concrete *FieldError, and
// Check converts it to error only when it is not nil.
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
	if problem := check(r); problem != nil {
		return problem
	}
	return nil
}

func check(r Request) *FieldError {
	if strings.TrimSpace(r.Username) == "" {
		return &FieldError{Field: "username", Problem: "is required"}
	}
	if strings.IndexByte(r.Email, '@') < 0 {
		return &FieldError{Field: "email", Problem: "must contain @"}
	}
	return nil
}
