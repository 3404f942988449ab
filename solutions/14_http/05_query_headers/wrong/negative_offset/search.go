// Wrong: does not refuse a negative offset, which then panics when slicing.
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
	"fmt"
	"net/http"
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

// Search answers GET /search.
func Search(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	limit, err := intParam(query.Get("limit"), 10, 1, 50)
	if err != nil {
		http.Error(w, "limit: "+err.Error(), http.StatusBadRequest)
		return
	}
	offset, err := intParam(query.Get("offset"), 0, -1<<31, len(Products)*1000)
	if err != nil {
		http.Error(w, "offset: "+err.Error(), http.StatusBadRequest)
		return
	}

	q := strings.ToLower(query.Get("q"))
	matches := []string{}
	for _, p := range Products {
		if strings.Contains(strings.ToLower(p), q) {
			matches = append(matches, p)
		}
	}
	total := len(matches)
	page := matches[min(offset, total):min(offset+limit, total)]

	w.Header().Set("X-Total-Count", strconv.Itoa(total))
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(page)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	for _, p := range page {
		fmt.Fprintln(w, p)
	}
}

// intParam parses a query value: def when it is missing or empty, an error
// when it is not a whole number between lo and hi.
func intParam(s string, def, lo, hi int) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	if n < lo || n > hi {
		return 0, fmt.Errorf("%d is not between %d and %d", n, lo, hi)
	}
	return n, nil
}
