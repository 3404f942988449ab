// Alternative: a table of checks, one per field in order; each failing
// check appends its *FieldError, and errors.Join builds the result.
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
	checks := []struct {
		valid   bool
		field   string
		problem string
	}{
		{strings.TrimSpace(f.Name) != "", "name", "is required"},
		{strings.Contains(f.Email, "@"), "email", "must contain @"},
		{18 <= f.Age && f.Age <= 130, "age", "must be between 18 and 130"},
	}
	var errs []error
	for _, c := range checks {
		if !c.valid {
			errs = append(errs, &FieldError{Field: c.field, Problem: c.problem})
		}
	}
	return errors.Join(errs...)
}
