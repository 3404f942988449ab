// Wrong: asks len(verr.Problems) to decide, which dereferences a nil pointer when there is no problem.
// Exercise: the nil-interface trap.
// Every signup is rejected with 422 Unprocessable Entity, even perfectly
// valid ones, and the response lists no problems at all. Find out why
// Validate never returns a nil error, and fix it.
package signup

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Request is the JSON body of POST /signup.
type Request struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

// FieldError is one problem with one field of a request.
type FieldError struct {
	Field   string `json:"field"`
	Problem string `json:"problem"`
}

// ValidationError lists every problem found in a request.
type ValidationError struct {
	Problems []FieldError `json:"problems"`
}

// Error lists the problems, field by field.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Field + " " + p.Problem
	}
	return "invalid signup: " + strings.Join(parts, "; ")
}

// add records a problem, creating the error on the first one.
func (e *ValidationError) add(field, problem string) *ValidationError {
	if e == nil {
		e = &ValidationError{}
	}
	e.Problems = append(e.Problems, FieldError{Field: field, Problem: problem})
	return e
}

// Validate returns nil when req is valid, and otherwise a *ValidationError
// listing every problem: the email must contain an @, the name must not be
// blank, and the password must be at least 8 characters long.
func Validate(req Request) error {
	var verr *ValidationError
	if !strings.Contains(req.Email, "@") {
		verr = verr.add("email", "must be an email address")
	}
	if strings.TrimSpace(req.Name) == "" {
		verr = verr.add("name", "must not be blank")
	}
	if utf8.RuneCountInString(req.Password) < 8 {
		verr = verr.add("password", "must be at least 8 characters")
	}
	// An interface holding a nil *ValidationError is not a nil interface:
	// it has a type. Return a plain nil when there is no problem.
	if len(verr.Problems) == 0 {
		return nil
	}
	return verr
}

// Handler serves POST /signup: 400 for a body that is not JSON, 422 with the
// list of problems for an invalid request, 201 for a valid one.
func Handler(w http.ResponseWriter, r *http.Request) {
	var req Request
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "body must be a JSON object", http.StatusBadRequest)
		return
	}
	if err := Validate(req); err != nil {
		var verr *ValidationError
		if errors.As(err, &verr) {
			writeJSON(w, http.StatusUnprocessableEntity, verr)
			return
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"email": req.Email, "name": req.Name})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
