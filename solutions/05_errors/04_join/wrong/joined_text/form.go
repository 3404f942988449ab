// Wrong: joins the messages into one string, so the *FieldErrors are lost
// to errors.As.
// Exercise: errors.Join.
//
// Validate stops at the first problem, so a user fixes one field, submits
// the form again, and only then learns about the next one. Report every
// problem at once, joined with errors.Join, and nil when there is none.
package registration

import (
	"errors"
	"strings"
)

// Form is a registration form.
type Form struct {
	Name  string
	Email string
	Age   int
}

// FieldError says what is wrong with one field.
type FieldError struct {
	Field   string // "name", "email" or "age"
	Problem string
}

func (e *FieldError) Error() string {
	return e.Field + " " + e.Problem
}

// Validate checks every field of f and returns one *FieldError for each
// invalid field, in the order name, email, age, joined with errors.Join. It
// returns nil when f is valid. The rules:
//
//	name   must not be blank (spaces only count as blank)
//	email  must contain "@"
//	age    must be between 18 and 130, both included
func Validate(f Form) error {
	var errs []error
	if strings.TrimSpace(f.Name) == "" {
		errs = append(errs, &FieldError{Field: "name", Problem: "is required"})
	}
	if !strings.Contains(f.Email, "@") {
		errs = append(errs, &FieldError{Field: "email", Problem: "must contain @"})
	}
	if f.Age < 18 || f.Age > 130 {
		errs = append(errs, &FieldError{Field: "age", Problem: "must be between 18 and 130"})
	}
	if len(errs) == 0 {
		return nil
	}
	msgs := make([]string, len(errs))
	for i, err := range errs {
		msgs[i] = err.Error()
	}
	return errors.New(strings.Join(msgs, "; "))
}
