// Compiles both patterns once into package variables and keeps the rest as it was.
package routes

import (
	"regexp"
	"strings"
)

var (
	number = regexp.MustCompile(`^[0-9]+$`)
	uuid   = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// CountRoutes counts requests per route.
func CountRoutes(paths []string) map[string]int {
	counts := make(map[string]int)
	for _, p := range paths {
		counts[Route(p)]++
	}
	return counts
}

// Route returns the route of a request path, for metrics: a segment of
// digits becomes ":id" and a lowercase UUID ":uuid", so that
// "/users/42/orders/7" and "/users/9/orders/1" are one route,
// "/users/:id/orders/:id".
func Route(path string) string {
	segments := strings.Split(path, "/")
	for i, s := range segments {
		switch {
		case number.MatchString(s):
			segments[i] = ":id"
		case uuid.MatchString(s):
			segments[i] = ":uuid"
		}
	}
	return strings.Join(segments, "/")
}
