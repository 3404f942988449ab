// Alt: User keeps no tags; MarshalJSON and UnmarshalJSON go through a tagged view without the hash, and writeJSON marshals to bytes first.
// Clients of this API expect users as {"id":1,"name":"Ada",
// "email":"ada@example.com","created_at":"2025-01-02T03:04:05Z"}, with
// "nickname" only when there is one, and the password hash never: not in
// any answer, and not set by decoding JSON a client sent. Add struct tags
// to User, and finish writeJSON: Content-Type application/json, the
// status, then the JSON body.
package users

import (
	"encoding/json"
	"net/http"
	"time"
)

// User is a user of the service, as stored.
type User struct {
	ID           int
	Name         string
	Email        string
	Nickname     string
	PasswordHash string
	CreatedAt    time.Time
}

// view is the JSON shape of a User: everything but the password hash.
type view struct {
	ID        int       `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Nickname  string    `json:"nickname,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// MarshalJSON encodes u the way clients expect, without the password hash.
func (u User) MarshalJSON() ([]byte, error) {
	return json.Marshal(view{u.ID, u.Name, u.Email, u.Nickname, u.CreatedAt})
}

// UnmarshalJSON fills u from JSON, leaving the password hash as it was.
func (u *User) UnmarshalJSON(data []byte) error {
	var v view
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	u.ID, u.Name, u.Email, u.Nickname, u.CreatedAt = v.ID, v.Name, v.Email, v.Nickname, v.CreatedAt
	return nil
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, `{"error":"internal error"}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// NewMux serves GET /users/{id} from users, keyed by ID.
func NewMux(users map[string]User) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, r *http.Request) {
		u, ok := users[r.PathValue("id")]
		if !ok {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "user not found"})
			return
		}
		writeJSON(w, http.StatusOK, u)
	})
	return mux
}
