// GET /items lists the store's items newest first, a page at a time. As
// written, its cursor is a page number: when items are added between two
// requests, every later page shifts, and a client walking the pages sees
// some items twice (or, with deletes, never). Make the cursor the key of
// the last item sent instead, encoded so that clients treat it as opaque
// (base64 of created and id, say), and start the next page just after that
// key. A cursor your handler did not make must get 400 Bad Request.
// The hidden tests walk the pages while items are added; you are done when
// every item comes exactly once, in order.
package pagination

import (
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
// 10, at most 100), newest first, starting after the cursor. Without a
// cursor (or with an empty one) it starts at the newest item. NextCursor
// leads to the following page, and is "" when no item is left after this
// page.
func Handler(s *Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		limit, err := parseLimit(q.Get("limit"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		// TODO: a page number shifts when items are added before it.
		pageNo := 0
		if c := q.Get("cursor"); c != "" {
			pageNo, _ = strconv.Atoi(c)
		}
		items := s.Newest()
		start := min(pageNo*limit, len(items))
		end := min(start+limit, len(items))
		page := Page{Items: items[start:end]}
		if end < len(items) {
			page.NextCursor = strconv.Itoa(pageNo + 1)
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
