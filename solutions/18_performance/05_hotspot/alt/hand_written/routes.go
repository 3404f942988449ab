// Checks segments byte by byte without regexp and writes the route into a strings.Builder.
package routes

import "strings"

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
	var b strings.Builder
	b.Grow(len(path) + 8)
	rest := path
	for first := true; ; first = false {
		seg, after, more := strings.Cut(rest, "/")
		if !first {
			b.WriteByte('/')
		}
		switch {
		case isNumber(seg):
			b.WriteString(":id")
		case isUUID(seg):
			b.WriteString(":uuid")
		default:
			b.WriteString(seg)
		}
		if !more {
			break
		}
		rest = after
	}
	return b.String()
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := range len(s) {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
				return false
			}
		}
	}
	return true
}
