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

import "net/http"

// Protect returns next guarded against cross-origin unsafe requests.
func Protect(trusted []string, next http.Handler) (http.Handler, error) {
	// TODO: refuse cross-origin unsafe requests.
	return next, nil
}
