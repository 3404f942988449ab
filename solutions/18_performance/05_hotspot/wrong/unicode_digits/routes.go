// Wrong: uses unicode.IsDigit, which accepts digits of every script, not just
// 0 to 9.
// CountRoutes is far too slow for the metrics of a busy server. Profile it
// (a benchmark run with -cpuprofile and -memprofile, then go tool pprof),
// find the hotspot the profile points at, and fix it without changing what
// the functions return: Route must make at most 4 allocations per path.
package routes

import (
	"regexp"
	"strings"
	"unicode"
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
	uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func isUUID(s string) bool { return uuidPattern.MatchString(s) }
