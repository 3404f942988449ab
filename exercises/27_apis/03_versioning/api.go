// Version 1 of the users API answers GET /v1/users/{id} with a single
// "name". Clients now want the given and family names apart, and the
// creation time. Add version 2 without changing what version 1 sends, byte
// for byte in its fields: old clients keep working.
//
//   - GET /v1/users/{id} stays as it is: {"id", "name", "email"}.
//   - GET /v2/users/{id} answers {"id", "given_name", "family_name",
//     "email", "created"} (created in RFC 3339, as encoding/json writes a
//     time.Time).
//   - GET /users/{id} chooses by the request header API-Version: "1" or
//     no header at all gives version 1 (clients that send nothing are the
//     old ones), "2" gives version 2, anything else 400 Bad Request.
//
// In every version, an id that is not a user (or not a number) gets 404.
// The hidden tests call each route; you are done when each version keeps
// its own shape.
package users

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// NewHandler returns the API's routes over the store.
func NewHandler(s Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, ok := lookup(s, r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, userV1{ID: u.ID, Name: u.GivenName + " " + u.FamilyName, Email: u.Email})
	})
	// TODO: GET /v2/users/{id}, and GET /users/{id} with the API-Version header.
	return mux
}

// userV1 is the body of version 1.
type userV1 struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// lookup finds the user of the request's {id}.
func lookup(s Store, r *http.Request) (User, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return User{}, false
	}
	u, ok := s[id]
	return u, ok
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
