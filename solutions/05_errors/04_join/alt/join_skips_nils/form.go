// Alternative: one helper per field returns nil when the field is fine;
// errors.Join gets all three results and skips the nils.
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
	errs := []error{checkName(f.Name), checkEmail(f.Email), checkAge(f.Age)}
	return errors.Join(errs...)
}

func checkName(name string) error {
	if strings.TrimSpace(name) == "" {
		return &FieldError{Field: "name", Problem: "is required"}
	}
	return nil
}

func checkEmail(email string) error {
	if strings.IndexByte(email, '@') < 0 {
		return &FieldError{Field: "email", Problem: "must contain @"}
	}
	return nil
}

func checkAge(age int) error {
	if age < 18 || age > 130 {
		return &FieldError{Field: "age", Problem: "must be between 18 and 130"}
	}
	return nil
}
