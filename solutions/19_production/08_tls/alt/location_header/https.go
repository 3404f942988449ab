// Builds the redirect with url.URL (brackets kept for IPv6) and sets Location and 308 by hand instead of http.Redirect.
package https

import (
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// HSTS is the value of the Strict-Transport-Security header.
const HSTS = "max-age=63072000; includeSubDomains"

// NewTLSServer returns a server for h, over TLS only, with cert.
func NewTLSServer(addr string, cert tls.Certificate, h http.Handler) *http.Server {
	hsts := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", HSTS)
		h.ServeHTTP(w, r)
	})
	return &http.Server{
		Addr:              addr,
		Handler:           hsts,
		ReadHeaderTimeout: 5 * time.Second,
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS12,
		},
	}
}

// RedirectToHTTPS sends every plain-HTTP request to its https:// address.
func RedirectToHTTPS(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
		if strings.Contains(h, ":") {
			host = "[" + h + "]"
		}
	}
	u := url.URL{Scheme: "https", Host: host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery}
	w.Header().Set("Location", u.String())
	w.WriteHeader(http.StatusPermanentRedirect)
}
