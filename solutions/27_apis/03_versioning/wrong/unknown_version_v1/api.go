// Wrong: any API-Version other than "2" is served as version 1 instead of
// being refused with 400.
package users

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// NewHandler returns the API's routes over the store.
func NewHandler(s Store) http.Handler {
	v1 := func(w http.ResponseWriter, r *http.Request) {
		u, ok := lookup(s, r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, userV1{ID: u.ID, Name: u.GivenName + " " + u.FamilyName, Email: u.Email})
	}
	v2 := func(w http.ResponseWriter, r *http.Request) {
		u, ok := lookup(s, r)
		if !ok {
			http.NotFound(w, r)
			return
		}
		writeJSON(w, userV2{
			ID: u.ID, GivenName: u.GivenName, FamilyName: u.FamilyName,
			Email: u.Email, Created: u.Created,
		})
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/users/{id}", v1)
	mux.HandleFunc("GET /v2/users/{id}", v2)
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		switch r.Header.Get("API-Version") {
		case "2":
			v2(w, r)
		default:
			v1(w, r)
		}
	})
	return mux
}

// userV1 is the body of version 1.
type userV1 struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// userV2 is the body of version 2.
type userV2 struct {
	ID         int64     `json:"id"`
	GivenName  string    `json:"given_name"`
	FamilyName string    `json:"family_name"`
	Email      string    `json:"email"`
	Created    time.Time `json:"created"`
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
