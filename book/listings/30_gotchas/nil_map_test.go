package gotchas

import (
	"fmt"
	"maps"
	"slices"
)

func Example_nilMap() {
	// ANCHOR: nil_map
	var hits map[string]int           // nil: no map has been made
	fmt.Println(hits["/"], len(hits)) // reading a nil map is fine: it is empty

	defer func() { fmt.Println("panic:", recover()) }()
	hits["/"]++ // writing to it panics
	// ANCHOR_END: nil_map

	// Output:
	// 0 0
	// panic: assignment to entry in nil map
}

// ANCHOR: lazy
// Headers collects response headers. Its zero value is ready to use: the
// map is made on the first write.
type Headers struct {
	values map[string][]string
}

func (h *Headers) Add(key, value string) {
	if h.values == nil {
		h.values = make(map[string][]string)
	}
	h.values[key] = append(h.values[key], value)
}

// ANCHOR_END: lazy

func Example_lazyMap() {
	var h Headers // no constructor needed
	h.Add("Vary", "Accept")
	h.Add("Vary", "Accept-Encoding")
	fmt.Println(h.values)
	// Output: map[Vary:[Accept Accept-Encoding]]
}

func Example_nestedMap() {
	// ANCHOR: nested
	// Requests per route and status code: the outer map exists, but each
	// inner map must be made before its first write.
	counts := make(map[string]map[int]int)
	record := func(route string, status int) {
		if counts[route] == nil {
			counts[route] = make(map[int]int)
		}
		counts[route][status]++
	}
	// ANCHOR_END: nested
	record("GET /users", 200)
	record("GET /users", 200)
	record("GET /users", 500)
	for _, r := range slices.Sorted(maps.Keys(counts)) {
		fmt.Println(r, counts[r])
	}
	// Output: GET /users map[200:2 500:1]
}
