// Alt: reads values with r.FormValue, filters with slices.DeleteFunc comparing upper-cased strings, and checks every Accept header line.
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
	"slices"
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
	limit, offset := 10, 0
	if v := r.FormValue("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 50 {
			http.Error(w, fmt.Sprintf("limit %q: want a number from 1 to 50", v), http.StatusBadRequest)
			return
		}
		limit = n
	}
	if v := r.FormValue("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			http.Error(w, fmt.Sprintf("offset %q: want a number, 0 or more", v), http.StatusBadRequest)
			return
		}
		offset = n
	}

	want := strings.ToUpper(r.FormValue("q"))
	matches := slices.DeleteFunc(slices.Clone(Products), func(p string) bool {
		return !strings.Contains(strings.ToUpper(p), want)
	})
	total := len(matches)
	if offset > total {
		offset = total
	}
	matches = matches[offset:]
	if len(matches) > limit {
		matches = matches[:limit]
	}

	h := w.Header()
	h.Set("X-Total-Count", fmt.Sprint(total))
	if valid := slices.ContainsFunc(r.Header.Values("Accept"), func(a string) bool {
		return strings.Contains(a, "application/json")
	}); valid {
		h.Set("Content-Type", "application/json; charset=utf-8")
		if matches == nil {
			matches = []string{}
		}
		json.NewEncoder(w).Encode(matches)
		return
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	for _, p := range matches {
		fmt.Fprintln(w, p)
	}
}
