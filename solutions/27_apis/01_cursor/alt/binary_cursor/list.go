// Alternative: the cursor is 16 bytes (nanoseconds and ID, big-endian) in
// URL-safe base64, and the page starts where slices.IndexFunc finds the
// first item after it.
package pagination

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
)

// Page is the answer of GET /items.
type Page struct {
	Items      []Item `json:"items"`
	NextCursor string `json:"next_cursor"` // "" on the last page
}

// Handler serves GET /items?limit=N&cursor=C.
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
			k, ok := parseKey(c)
			if !ok {
				http.Error(w, "bad cursor", http.StatusBadRequest)
				return
			}
			i := slices.IndexFunc(items, func(it Item) bool {
				ns := it.Created.UnixNano()
				return ns < k.ns || ns == k.ns && it.ID < k.id
			})
			if i < 0 {
				i = len(items)
			}
			items = items[i:]
		}
		var page Page
		if len(items) > limit {
			items = items[:limit]
			last := items[limit-1]
			page.NextCursor = key{last.Created.UnixNano(), last.ID}.String()
		}
		page.Items = items
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
	})
}

type key struct{ ns, id int64 }

func (k key) String() string {
	b := binary.BigEndian.AppendUint64(nil, uint64(k.ns))
	b = binary.BigEndian.AppendUint64(b, uint64(k.id))
	return base64.URLEncoding.EncodeToString(b)
}

func parseKey(s string) (key, bool) {
	b, err := base64.URLEncoding.DecodeString(s)
	if err != nil || len(b) != 16 {
		return key{}, false
	}
	return key{int64(binary.BigEndian.Uint64(b)), int64(binary.BigEndian.Uint64(b[8:]))}, true
}

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
