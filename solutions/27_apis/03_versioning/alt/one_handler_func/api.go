// Alternative: one handler for every route; the version comes from the
// path or the header, and the bodies are maps built per version.
package users

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

func NewHandler(s Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
		var version, idText string
		switch {
		case len(parts) == 3 && (parts[0] == "v1" || parts[0] == "v2") && parts[1] == "users":
			version, idText = parts[0][1:], parts[2]
		case len(parts) == 2 && parts[0] == "users":
			version, idText = r.Header.Get("API-Version"), parts[1]
			if version == "" {
				version = "1"
			}
		default:
			http.NotFound(w, r)
			return
		}
		if version != "1" && version != "2" {
			http.Error(w, "API-Version must be 1 or 2", http.StatusBadRequest)
			return
		}
		id, err := strconv.ParseInt(idText, 10, 64)
		u, ok := s[id]
		if err != nil || !ok {
			http.NotFound(w, r)
			return
		}
		var body map[string]any
		if version == "1" {
			body = map[string]any{"id": u.ID, "name": u.GivenName + " " + u.FamilyName, "email": u.Email}
		} else {
			body = map[string]any{
				"id": u.ID, "given_name": u.GivenName, "family_name": u.FamilyName,
				"email": u.Email, "created": u.Created.Format(time.RFC3339),
			}
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(body)
	})
}
