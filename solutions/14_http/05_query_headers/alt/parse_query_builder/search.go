// Alt: parses the raw query with url.ParseQuery, validates through a param helper using strconv.ParseUint, builds the text in a strings.Builder and marshals JSON with json.Marshal.
// Search answers GET /search?q=mug&limit=5&offset=10 with one product name
// per line. Read the query values: q (optional, matched case-insensitively
// anywhere in the name), limit (1 to 50, default 10), offset (0 or more,
// default 0); a value that is not a number or out of range is 400 Bad
// Request. Set Content-Type and X-Total-Count (matches before paging), and
// answer a JSON array instead when the Accept header contains
// "application/json".
package search

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Products is the catalogue Search looks through, in this order.
var Products = []string{
	"espresso cup", "coffee mug", "travel mug", "teapot", "tea strainer",
	"milk jug", "sugar bowl", "café au lait bowl", "CAFÉ SIGN", "coffee grinder",
	"french press", "pour-over kettle", "mug rack", "coffee scale", "tea towel",
	"moka pot", "cold brew jar", "latte glass", "cappuccino cup", "Mug warmer",
	"coffee beans", "tea tin", "filter papers", "water filter", "descaler",
}

// param reads the number under key in q: def when it is absent, an error
// when it is not a whole number in [lo, hi].
func param(q url.Values, key string, def, lo, hi uint64) (int, bool) {
	v := q.Get(key)
	if v == "" {
		return int(def), true
	}
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil || n < lo || n > hi {
		return 0, false
	}
	return int(n), true
}

// Search answers GET /search.
func Search(w http.ResponseWriter, r *http.Request) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		http.Error(w, "bad query string", http.StatusBadRequest)
		return
	}
	limit, ok := param(q, "limit", 10, 1, 50)
	if !ok {
		http.Error(w, "limit must be a number from 1 to 50", http.StatusBadRequest)
		return
	}
	offset, ok := param(q, "offset", 0, 0, 1<<31-1)
	if !ok {
		http.Error(w, "offset must be a number, 0 or more", http.StatusBadRequest)
		return
	}

	needle := strings.ToLower(q.Get("q"))
	matches := []string{}
	for _, p := range Products {
		if strings.Contains(strings.ToLower(p), needle) {
			matches = append(matches, p)
		}
	}
	w.Header().Set("X-Total-Count", strconv.Itoa(len(matches)))
	start := min(offset, len(matches))
	page := matches[start:min(start+limit, len(matches))]

	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		body, err := json.Marshal(page)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
		return
	}
	var b strings.Builder
	for _, p := range page {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte(b.String()))
}
