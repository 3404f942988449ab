// Wrong: tags ID with the ",string" option, so the id is sent as "7", a string, instead of a number.
// Clients of this API expect users as {"id":1,"name":"Ada",
// "email":"ada@example.com","created_at":"2025-01-02T03:04:05Z"}, with
// "nickname" only when there is one, and the password hash never: not in
// any answer, and not set by decoding JSON a client sent. Add struct tags
// to User, and finish writeJSON: Content-Type application/json, the
// status, then the JSON body.
package users

import (
	"encoding/json"
	"log"
	"net/http"
	"time"
)

// User is a user of the service, as stored.
type User struct {
	ID           int       `json:"id,string"`
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Nickname     string    `json:"nickname,omitempty"`
	PasswordHash string    `json:"-"` // never encoded, never decoded
	CreatedAt    time.Time `json:"created_at"`
}

// writeJSON answers with status and v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// The status is sent already: all that is left is to log it.
		log.Printf("writing a JSON response: %v", err)
	}
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
