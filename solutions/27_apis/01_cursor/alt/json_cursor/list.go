// Alternative: the cursor is a small JSON object in standard base64, and
// the handler builds the page in one loop over the items.
package pagination

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"
)

// Page is the answer of GET /items.
type Page struct {
	Items      []Item `json:"items"`
	NextCursor string `json:"next_cursor"` // "" on the last page
}

type position struct {
	Created time.Time `json:"c"`
	ID      int64     `json:"i"`
}

func (p position) encode() string {
	b, _ := json.Marshal(p)
	return base64.StdEncoding.EncodeToString(b)
}

func decode(s string) (position, error) {
	var p position
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return p, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, err
	}
	if p.Created.IsZero() {
		return p, errors.New("no position")
	}
	return p, nil
}

// Handler serves GET /items?limit=N&cursor=C.
func Handler(s *Store) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit, err := parseLimit(r.FormValue("limit"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var from *position
		if c := r.FormValue("cursor"); c != "" {
			p, err := decode(c)
			if err != nil {
				http.Error(w, "cursor: not one of ours", http.StatusBadRequest)
				return
			}
			from = &p
		}
		page := Page{Items: []Item{}}
		for _, it := range s.Newest() {
			if from != nil {
				if it.Created.After(from.Created) ||
					it.Created.Equal(from.Created) && it.ID >= from.ID {
					continue
				}
			}
			if len(page.Items) == limit {
				last := page.Items[limit-1]
				page.NextCursor = position{last.Created, last.ID}.encode()
				break
			}
			page.Items = append(page.Items, it)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
	})
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
