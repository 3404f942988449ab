// Hands the certificate over through tls.Config.GetCertificate and redirects with a copy of r.URL.
package https

import (
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// HSTS is the value of the Strict-Transport-Security header.
const HSTS = "max-age=63072000; includeSubDomains"

type hsts struct{ next http.Handler }

func (h hsts) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Strict-Transport-Security", HSTS)
	h.next.ServeHTTP(w, r)
}

// NewTLSServer returns a server for h, over TLS only, with cert.
func NewTLSServer(addr string, cert tls.Certificate, h http.Handler) *http.Server {
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return &cert, nil
		},
	}
	return &http.Server{
		Addr:              addr,
		Handler:           hsts{next: h},
		TLSConfig:         cfg,
		ReadHeaderTimeout: 5 * time.Second,
	}
}

// RedirectToHTTPS sends every plain-HTTP request to its https:// address.
func RedirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	target := *r.URL
	target.Scheme = "https"
	target.Host = r.Host
	if host, _, err := net.SplitHostPort(r.Host); err == nil {
		target.Host = host
	}
	http.Redirect(w, r, target.String(), http.StatusPermanentRedirect)
}
