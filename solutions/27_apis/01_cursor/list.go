package pagination

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
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
		if c := q.Get("cursor"); c != "" {
			created, id, err := decodeCursor(c)
			if err != nil {
				http.Error(w, "invalid cursor", http.StatusBadRequest)
				return
			}
			// Skip every item at or before the cursor's key.
			i := 0
			for i < len(items) && !after(items[i], created, id) {
				i++
			}
			items = items[i:]
		}
		page := Page{Items: items[:min(limit, len(items))]}
		if len(items) > limit {
			page.NextCursor = encodeCursor(page.Items[len(page.Items)-1])
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
	})
}

// after reports whether it comes after the key (created, id) in the
// order of the list: older, or as old with a smaller ID.
func after(it Item, created time.Time, id int64) bool {
	if !it.Created.Equal(created) {
		return it.Created.Before(created)
	}
	return it.ID < id
}

// encodeCursor makes the opaque cursor of the page that follows it.
func encodeCursor(it Item) string {
	key := strconv.FormatInt(it.Created.UnixNano(), 10) + "," + strconv.FormatInt(it.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(key))
}

var errCursor = errors.New("invalid cursor")

// decodeCursor reads back what encodeCursor made, and rejects anything else.
func decodeCursor(c string) (time.Time, int64, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, 0, errCursor
	}
	nsText, idText, ok := strings.Cut(string(b), ",")
	if !ok {
		return time.Time{}, 0, errCursor
	}
	ns, err1 := strconv.ParseInt(nsText, 10, 64)
	id, err2 := strconv.ParseInt(idText, 10, 64)
	if err1 != nil || err2 != nil {
		return time.Time{}, 0, errCursor
	}
	return time.Unix(0, ns), id, nil
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
