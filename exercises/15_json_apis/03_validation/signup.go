// POST /signup decodes a SignupRequest and creates the account without
// looking at it. Write Validate, and make the handler answer an invalid
// request with 422 Unprocessable Entity and {"errors": {FIELD: MESSAGE}},
// one entry for every invalid field (not only the first), keyed by the
// JSON field name. The rules are on SignupRequest.
package signup

import (
	"encoding/json"
	"net/http"
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
	// TODO
	return nil
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
	// TODO: answer 422 with {"errors": ...} when the request is invalid.
	writeJSON(w, http.StatusCreated, map[string]string{"name": req.Name, "email": req.Email})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
