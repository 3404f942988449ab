// Wrong: the cursor is an offset, base64-encoded to look opaque; items added
// before it shift every later page, so some items come twice.
package pagination

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
)

// Page is the answer of GET /items.
type Page struct {
	Items      []Item `json:"items"`
	NextCursor string `json:"next_cursor"` // "" on the last page
}

// Handler serves GET /items?limit=N&cursor=C: up to limit items (default
// 10, at most 100), newest first, starting after the cursor.
func Handler(s *Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, err := parseLimit(q.Get("limit"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		items := s.Newest()
		offset := 0
		if c := q.Get("cursor"); c != "" {
			b, err := base64.RawURLEncoding.DecodeString(c)
			if err == nil {
				offset, err = strconv.Atoi(string(b))
			}
			if err != nil || offset < 0 {
				http.Error(w, "invalid cursor", http.StatusBadRequest)
				return
			}
		}
		start := min(offset, len(items))
		end := min(start+limit, len(items))
		page := Page{Items: items[start:end]}
		if end < len(items) {
			page.NextCursor = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
	})
}

// parseLimit reads the limit parameter: 10 when absent, else 1 to 100.
func parseLimit(v string) (int, error) {
	if v == "" {
		return 10, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 100 {
		return 0, errors.New("limit must be a whole number from 1 to 100")
	}
	return n, nil
}
