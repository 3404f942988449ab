// Alternative: each version is a function from User to its body; a small
// table maps version names to them, and GET /users/{id} looks the header
// up in the same table.
package users

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

type v1Body struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

type v2Body struct {
	ID         int64  `json:"id"`
	GivenName  string `json:"given_name"`
	FamilyName string `json:"family_name"`
	Email      string `json:"email"`
	Created    string `json:"created"`
}

var versions = map[string]func(User) any{
	"1": func(u User) any {
		return v1Body{u.ID, u.GivenName + " " + u.FamilyName, u.Email}
	},
	"2": func(u User) any {
		return v2Body{u.ID, u.GivenName, u.FamilyName, u.Email, u.Created.UTC().Format(time.RFC3339Nano)}
	},
}

func NewHandler(s Store) http.Handler {
	serve := func(render func(User) any) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
			u, found := s[id]
			if err != nil || !found {
				http.Error(w, "no such user", http.StatusNotFound)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(render(u))
		}
	}
	mux := http.NewServeMux()
	mux.Handle("GET /v1/users/{id}", serve(versions["1"]))
	mux.Handle("GET /v2/users/{id}", serve(versions["2"]))
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		v := r.Header.Get("API-Version")
		if v == "" {
			v = "1"
		}
		render, ok := versions[v]
		if !ok {
			http.Error(w, "unknown API-Version "+strconv.Quote(v), http.StatusBadRequest)
			return
		}
		serve(render)(w, r)
	})
	return mux
}
