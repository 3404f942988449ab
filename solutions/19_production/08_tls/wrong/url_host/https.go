// Wrong: takes the host from r.URL.Host, which is empty in a server's request: the redirect points to https:///path.
// HTTPS. NewTLSServer returns a server for addr that serves h over TLS with
// cert, refuses clients older than TLS 1.2 (tls.Config's MinVersion), and
// adds Strict-Transport-Security to every answer: "max-age=63072000;
// includeSubDomains" tells browsers to use only HTTPS for this host for
// the next two years. RedirectToHTTPS serves the plain-HTTP port: a
// permanent redirect (308) to the same host, without its port, and the
// same path and query, over https.
package https

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// HSTS is the value of the Strict-Transport-Security header.
const HSTS = "max-age=63072000; includeSubDomains"

// NewTLSServer returns a server for h, over TLS only, with cert.
func NewTLSServer(addr string, cert tls.Certificate, h http.Handler) *http.Server {
	return &http.Server{
		Addr: addr,
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			// TLS 1.0 and 1.1 are broken and deprecated (RFC 8996). Go
			// refuses them by default today, but saying so keeps it true
			// whatever the default becomes and whoever reads the code.
			MinVersion: tls.VersionTLS12,
		},
		Handler:           hsts(h),
		ReadHeaderTimeout: 5 * time.Second,
	}
}

// hsts adds the Strict-Transport-Security header to every answer of next,
// before next writes anything.
func hsts(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", HSTS)
		next.ServeHTTP(w, r)
	})
}

// RedirectToHTTPS sends every plain-HTTP request to its https:// address.
func RedirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h // HTTPS is on the standard port, 443
	}
	target := "https://" + host + r.URL.RequestURI()
	// 308, unlike 301, tells the client to repeat the same method (and
	// body) at the new address.
	http.Redirect(w, r, target, http.StatusPermanentRedirect)
}
