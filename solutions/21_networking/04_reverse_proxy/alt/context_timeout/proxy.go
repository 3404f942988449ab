// Alternative: the time limit is a context deadline on each request, set by
// a wrapping handler, instead of the Transport's ResponseHeaderTimeout; the
// ErrorHandler recognises it with errors.Is(err, context.DeadlineExceeded).
package proxy

import (
	"context"
	"errors"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// New returns a handler that forwards every request to target.
func New(target *url.URL, timeout time.Duration) http.Handler {
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetXForwarded()
			pr.SetURL(target)
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			code, msg := http.StatusBadGateway, "backend unavailable"
			if errors.Is(err, context.DeadlineExceeded) {
				code, msg = http.StatusGatewayTimeout, "backend timed out"
			}
			http.Error(w, msg, code)
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		rp.ServeHTTP(w, r.WithContext(ctx))
	})
}
