// Wrong: a hand-made check that trusts any Origin starting with a trusted
// one, so "https://partner.example.evil.example" is trusted.
// Protect guards a site that keeps its session in a cookie against
// cross-site request forgery: a page on another site must not be able to
// make the user's browser change anything here. A request is refused with
// 403 Forbidden, without calling next, when all of these hold:
//
//   - its method is unsafe: anything but GET, HEAD and OPTIONS (which must
//     never change anything, and are always let through);
//   - it is cross-origin: its Sec-Fetch-Site header is there and is
//     neither "same-origin" nor "none" (the user typed the address); or,
//     from an older browser without Sec-Fetch-Site, its Origin header is
//     there and names another host than the request's Host;
//   - its Origin is not one of trusted, full origins such as
//     "https://partner.example" that may post here.
//
// A request with neither header (curl, another server) is let through.
// An entry of trusted that is not an origin (no scheme, or a path) makes
// Protect return an error. Go 1.25's net/http has all of this; the
// hidden tests pass when the rules above hold.
package csrf

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// Protect returns next guarded against cross-origin unsafe requests.
func Protect(trusted []string, next http.Handler) (http.Handler, error) {
	for _, origin := range trusted {
		if u, err := url.Parse(origin); err != nil || u.Scheme == "" || u.Host == "" || u.Path != "" || u.RawQuery != "" {
			return nil, fmt.Errorf("invalid trusted origin %q", origin)
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "GET", "HEAD", "OPTIONS":
			next.ServeHTTP(w, r)
			return
		}
		origin := r.Header.Get("Origin")
		for _, t := range trusted {
			if origin != "" && strings.HasPrefix(origin, t) {
				next.ServeHTTP(w, r)
				return
			}
		}
		cross := false
		switch r.Header.Get("Sec-Fetch-Site") {
		case "same-origin", "none":
		case "":
			if u, err := url.Parse(origin); origin != "" && (err != nil || u.Host != r.Host) {
				cross = true
			}
		default:
			cross = true
		}
		if cross {
			http.Error(w, "cross-origin request refused", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	}), nil
}
