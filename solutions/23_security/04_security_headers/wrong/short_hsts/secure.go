// Wrong: Strict-Transport-Security with max-age=3600: after an hour the
// browser forgets and may connect over plain HTTP again.
// Secure adds the response headers that tell a browser to defend the
// pages of this site:
//
//   - Content-Security-Policy with at least default-src 'self' (or
//     'none') and frame-ancestors 'none', and never 'unsafe-inline',
//     'unsafe-eval' or a bare * source: it decides which scripts, styles
//     and frames the page may load, and that no other site may frame it;
//   - X-Content-Type-Options: nosniff, so a browser never guesses that an
//     uploaded text file is a script;
//   - X-Frame-Options: DENY, frame-ancestors for older browsers;
//   - Referrer-Policy: strict-origin-when-cross-origin (or a stricter
//     one: strict-origin, same-origin or no-referrer);
//   - Strict-Transport-Security: max-age of at least a year (31536000
//     seconds), only on responses to requests that came over TLS
//     (r.TLS != nil): over plain HTTP it means nothing, and a proxy that
//     adds TLS sets it there.
//
// Every response carries them, whatever the handler writes; a handler
// that sets one of these headers itself (a page that needs another
// policy) keeps its own value. The hidden tests pass when both hold.
package secheaders

import "net/http"

const csp = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; " +
	"object-src 'none'; form-action 'self'"

// Secure returns next with the security headers added to its responses.
func Secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Set before next runs: once the handler writes, the header is
		// sent; and next can still replace any of them.
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=3600")
		}
		next.ServeHTTP(w, r)
	})
}
