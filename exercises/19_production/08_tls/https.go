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
	"net/http"
	"time"
)

// HSTS is the value of the Strict-Transport-Security header.
const HSTS = "max-age=63072000; includeSubDomains"

// NewTLSServer returns a server for h, over TLS only, with cert.
func NewTLSServer(addr string, cert tls.Certificate, h http.Handler) *http.Server {
	// TODO: a TLS configuration with the certificate and a minimum
	// version, and the HSTS header on every answer.
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
	}
}

// RedirectToHTTPS sends every plain-HTTP request to its https:// address.
func RedirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	// TODO
	http.NotFound(w, r)
}
