// Wrong: the ErrorHandler answers 500, which says the proxy itself failed,
// not the backend behind it.
package proxy

import (
	"errors"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// New returns a handler that forwards every request to target, whose path
// is a prefix of the backend's paths: with target http://b/api, a request
// for /users?id=7 goes to http://b/api/users?id=7.
func New(target *url.URL, timeout time.Duration) http.Handler {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.ResponseHeaderTimeout = timeout
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(target)
			r.SetXForwarded()
		},
		Transport: transport,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				http.Error(w, "backend timed out", http.StatusInternalServerError)
				return
			}
			http.Error(w, "backend unavailable", http.StatusInternalServerError)
		},
	}
}
