// Wrong: refuses a name of exactly 50 characters (>= instead of >).
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

// Validate returns a message for each invalid field, keyed by its JSON
// name; an empty map when the request is valid.
func (s SignupRequest) Validate() map[string]string {
	problems := map[string]string{}
	name := strings.TrimSpace(s.Name)
	switch {
	case name == "":
		problems["name"] = "is required"
	case utf8.RuneCountInString(name) >= 50:
		problems["name"] = "must be at most 50 characters"
	}
	if !validEmail(s.Email) {
		problems["email"] = "must be an email address such as ada@example.com"
	}
	if utf8.RuneCountInString(s.Password) < 8 {
		problems["password"] = "must be at least 8 characters"
	}
	if s.Age < 13 || s.Age > 130 {
		problems["age"] = "must be between 13 and 130"
	}
	return problems
}

// validEmail checks the shape of an address only: one "@", something
// before it, a dot after it, no spaces. Whether it exists is for a
// confirmation mail to find out.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" &&
		!strings.Contains(domain, "@") &&
		strings.Contains(domain, ".") &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".") &&
		!strings.ContainsAny(s, " \t\r\n")
}

// Signup answers POST /signup.
func Signup(w http.ResponseWriter, r *http.Request) {
	var req SignupRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "the body must be a JSON object with name, email, password and age"})
		return
	}
	if problems := req.Validate(); len(problems) > 0 {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"errors": problems})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"name": req.Name, "email": req.Email})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
