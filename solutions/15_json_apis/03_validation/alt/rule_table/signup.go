// Alt: Validate runs a table of rules (field, test, message), and the handler answers with a typed response struct.
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

// rule is one check of a SignupRequest: ok reports whether field is valid.
type rule struct {
	field   string
	ok      func(SignupRequest) bool
	message string
}

var rules = []rule{
	{"name", func(s SignupRequest) bool {
		return strings.TrimSpace(s.Name) != ""
	}, "is required"},
	{"name", func(s SignupRequest) bool {
		return utf8.RuneCountInString(strings.TrimSpace(s.Name)) <= 50
	}, "must be at most 50 characters"},
	{"email", func(s SignupRequest) bool { return valid(s.Email) }, "must be an email address"},
	{"password", func(s SignupRequest) bool {
		return utf8.RuneCountInString(s.Password) >= 8
	}, "must be at least 8 characters"},
	{"age", func(s SignupRequest) bool { return 13 <= s.Age && s.Age <= 130 }, "must be from 13 to 130"},
}

// valid reports whether email has one "@", text before it, a dot after
// it, and no spaces.
func valid(email string) bool {
	if strings.Count(email, "@") != 1 || strings.ContainsFunc(email, unicode.IsSpace) {
		return false
	}
	local, domain, _ := strings.Cut(email, "@")
	return local != "" && strings.Contains(domain, ".")
}

// Validate returns a message for each invalid field, keyed by its JSON
// name; an empty map when the request is valid.
func (s SignupRequest) Validate() map[string]string {
	problems := make(map[string]string)
	for _, r := range rules {
		if _, seen := problems[r.field]; !seen && !r.ok(s) {
			problems[r.field] = r.message
		}
	}
	return problems
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
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			Errors map[string]string `json:"errors"`
		}{problems})
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"name": req.Name, "email": req.Email})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
