// Wrong: sets the origin headers but lets the preflight through to the
// handler, which neither expects OPTIONS nor lists methods and headers.
// CORS lets the browser pages of the origins in allowed call this API
// with the user's cookies. For a request whose Origin header is exactly
// one of allowed, set Access-Control-Allow-Origin to that origin (never
// "*": it lets every site in, and browsers refuse it with credentials)
// and Access-Control-Allow-Credentials: true. Any other origin gets
// neither header. Every response adds "Origin" to the Vary header, since
// it depends on the Origin: a cache must not give one site's answer to
// another.
//
// A preflight is an OPTIONS request with both an Origin and an
// Access-Control-Request-Method header. Answer it here with 204 No
// Content, without calling next: for an allowed origin with the two
// headers above plus "Access-Control-Allow-Methods: GET, POST, PUT,
// DELETE" and "Access-Control-Allow-Headers: Content-Type, Authorization";
// for any other origin with no CORS header at all. Every other request
// goes to next. The hidden tests pass when only the listed origins get in.
package cors

import "net/http"

// CORS returns next, answering cross-origin requests from the allowed
// origins (such as "https://app.example.com").
func CORS(allowed []string, next http.Handler) http.Handler {
	ok := make(map[string]bool, len(allowed))
	for _, o := range allowed {
		ok[o] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Add("Vary", "Origin")
		origin := r.Header.Get("Origin")
		listed := origin != "" && ok[origin]
		if listed {
			h.Set("Access-Control-Allow-Origin", origin)
			h.Set("Access-Control-Allow-Credentials", "true")
		}
		next.ServeHTTP(w, r)
	})
}
