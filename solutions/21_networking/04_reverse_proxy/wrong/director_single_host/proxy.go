// Wrong: NewSingleHostReverseProxy's Director keeps the client's Host, sets
// no X-Forwarded-Host or -Proto, and appends to an X-Forwarded-For the
// client made up instead of replacing it.
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
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = transport
	p.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			http.Error(w, "backend timed out", http.StatusGatewayTimeout)
			return
		}
		http.Error(w, "backend unavailable", http.StatusBadGateway)
	}
	return p
}
