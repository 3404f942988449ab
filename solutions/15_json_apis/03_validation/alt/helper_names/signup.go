// Helpers with everyday names (fields, with, valid, show, post): a map type
// with a method that records a problem when a rule is broken.
// POST /signup decodes a SignupRequest and creates the account without
// looking at it. Write Validate, and make the handler answer an invalid
// request with 422 Unprocessable Entity and {"errors": {FIELD: MESSAGE}},
// one entry for every invalid field (not only the first), keyed by the
// JSON field name. The rules are on SignupRequest.
package signup

import (
	"encoding/json"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SignupRequest is the body of POST /signup. The rules:
//   - name: required, at most 50 characters (characters, not bytes: "Zoë"
//     is 3), after trimming spaces;
//   - email: one "@" with text before it and a dot in the text after it,
//     no spaces;
//   - password: at least 8 characters;
//   - age: 13 to 130, both included.
type SignupRequest struct {
	Name     string `json:"name"`
	Email    string `json:"email"`
	Password string `json:"password"`
	Age      int    `json:"age"`
}

// fields maps a JSON field name to what is wrong with it.
type fields map[string]string

// with records msg for field when broken is true, unless the field already
// has a problem.
func (f fields) with(broken bool, field, msg string) {
	if _, seen := f[field]; broken && !seen {
		f[field] = msg
	}
}

// Validate returns a message for each invalid field, keyed by its JSON
// name; an empty map when the request is valid.
func (s SignupRequest) Validate() map[string]string {
	f := fields{}
	name := strings.TrimSpace(s.Name)
	f.with(name == "", "name", "is required")
	f.with(utf8.RuneCountInString(name) > 50, "name", "must be at most 50 characters")
	f.with(!valid(s.Email), "email", "must look like name@example.com")
	f.with(utf8.RuneCountInString(s.Password) < 8, "password", "must be at least 8 characters")
	f.with(s.Age < 13 || s.Age > 130, "age", "must be from 13 to 130")
	return f
}

// valid reports whether email has the shape the rules ask for.
func valid(email string) bool {
	if strings.IndexFunc(email, unicode.IsSpace) >= 0 || strings.Count(email, "@") != 1 {
		return false
	}
	before, after, _ := strings.Cut(email, "@")
	return before != "" && strings.Contains(after, ".")
}

// Signup answers POST /signup.
func Signup(w http.ResponseWriter, r *http.Request) {
	var req SignupRequest
	if !post(w, r, &req) {
		return
	}
	if problems := req.Validate(); len(problems) > 0 {
		show(w, http.StatusUnprocessableEntity, map[string]any{"errors": problems})
		return
	}
	show(w, http.StatusCreated, map[string]string{"name": req.Name, "email": req.Email})
}

// post decodes the body into dst, or answers 400 and reports false.
func post(w http.ResponseWriter, r *http.Request, dst any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		show(w, http.StatusBadRequest, map[string]string{"error": "the body must be a JSON object with name, email, password and age"})
		return false
	}
	return true
}

func show(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
