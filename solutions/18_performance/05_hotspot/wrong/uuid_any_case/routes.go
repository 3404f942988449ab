// Wrong: accepts uppercase hex digits in a UUID, which the text says is lowercase.
// CountRoutes is far too slow for the metrics of a busy server. Profile it
// (a benchmark run with -cpuprofile and -memprofile, then go tool pprof),
// find the hotspot the profile points at, and fix it without changing what
// the functions return: Route must make at most 4 allocations per path.
package routes

import (
	"regexp"
	"strings"
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
		case isNumber(s):
			segments[i] = ":id"
		case isUUID(s):
			segments[i] = ":uuid"
		}
	}
	return strings.Join(segments, "/")
}

// The patterns are compiled once, when the program starts. The function
// regexp.MatchString compiles its pattern on every call: that was the
// hotspot: over a hundred allocations, and most of the time, per segment.
var (
	numberPattern = regexp.MustCompile(`^[0-9]+$`)
	uuidPattern   = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
)

func isNumber(s string) bool { return numberPattern.MatchString(s) }

func isUUID(s string) bool { return uuidPattern.MatchString(s) }
