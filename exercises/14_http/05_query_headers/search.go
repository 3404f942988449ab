// Search answers GET /search?q=mug&limit=5&offset=10 with one product name
// per line. Read the query values: q (optional, matched case-insensitively
// anywhere in the name), limit (1 to 50, default 10), offset (0 or more,
// default 0); a value that is not a number or out of range is 400 Bad
// Request. Set Content-Type and X-Total-Count (matches before paging), and
// answer a JSON array instead when the Accept header contains
// "application/json".
package search

import (
	"fmt"
	"net/http"
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
	// TODO: filter by q, check and apply limit and offset, set the headers,
	// and answer JSON when the client accepts it.
	for _, p := range Products {
		fmt.Fprintln(w, p)
	}
}
