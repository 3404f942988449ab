// Collects the problems in a slice and makes the error only when there is one.
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

// Validate returns nil when req is valid, and otherwise a *ValidationError
// listing every problem: the email must contain an @, the name must not be
// blank, and the password must be at least 8 characters long.
func Validate(req Request) error {
	var problems []FieldError
	if !strings.Contains(req.Email, "@") {
		problems = append(problems, FieldError{"email", "must be an email address"})
	}
	if strings.TrimSpace(req.Name) == "" {
		problems = append(problems, FieldError{"name", "must not be blank"})
	}
	if utf8.RuneCountInString(req.Password) < 8 {
		problems = append(problems, FieldError{"password", "must be at least 8 characters"})
	}
	if len(problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: problems}
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
