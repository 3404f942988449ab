package collections

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// ANCHOR: slices
func Example_slicesPackage() {
	ports := []int{8080, 443, 80, 5432}
	slices.Sort(ports) // sorts in place
	fmt.Println(ports)

	fmt.Println(
		slices.Contains(ports, 443),
		slices.Index(ports, 5432),
		slices.Index(ports, 22),
	)
	fmt.Println(slices.Max(ports), slices.Equal(ports, []int{80, 443, 5432, 8080}))

	i, found := slices.BinarySearch(ports, 8080) // needs a sorted slice
	fmt.Println(i, found)
	// Output:
	// [80 443 5432 8080]
	// true 2 -1
	// 8080 true
	// 3 true
}

// ANCHOR_END: slices

// ANCHOR: keys
func Example_sortedKeys() {
	latency := map[string]int{"/users": 120, "/health": 2, "/orders": 340}

	// maps.Keys returns an iterator over the keys, in the map's random
	// order; slices.Sorted collects them into a new sorted slice.
	for _, path := range slices.Sorted(maps.Keys(latency)) {
		fmt.Println(path, latency[path])
	}
	// Output:
	// /health 2
	// /orders 340
	// /users 120
}

// ANCHOR_END: keys

// ANCHOR: sortfunc
type endpoint struct {
	path string
	hits int
}

func Example_sortFunc() {
	eps := []endpoint{{"/b", 5}, {"/c", 9}, {"/a", 5}, {"/d", 1}}

	// Most hits first; equal hits by path. The function returns a
	// negative number when x comes before y, positive when after, 0 when
	// they are equal: exactly what cmp.Compare returns.
	slices.SortFunc(eps, func(x, y endpoint) int {
		if c := cmp.Compare(y.hits, x.hits); c != 0 { // y first: descending
			return c
		}
		return strings.Compare(x.path, y.path)
	})
	fmt.Println(eps)
	// Output: [{/c 9} {/a 5} {/b 5} {/d 1}]
}

// ANCHOR_END: sortfunc
