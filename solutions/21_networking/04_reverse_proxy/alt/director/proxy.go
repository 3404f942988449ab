// Alternative: a Director instead of Rewrite, done carefully: it sets the
// URL and Host, drops the X-Forwarded-For the client sent (ReverseProxy then
// puts the client's IP alone), and sets X-Forwarded-Host and -Proto itself.
package proxy

import (
	"context"
	"errors"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"
)

// New returns a handler that forwards every request to target.
func New(target *url.URL, timeout time.Duration) http.Handler {
	base := strings.TrimSuffix(target.Path, "/")
	tr := &http.Transport{ResponseHeaderTimeout: timeout}
	return &httputil.ReverseProxy{
		Director: func(r *http.Request) {
			originalHost := r.Host
			r.URL.Scheme = target.Scheme
			r.URL.Host = target.Host
			r.URL.Path = base + r.URL.Path
			r.URL.RawPath = ""
			r.Host = target.Host
			r.Header.Del("X-Forwarded-For")
			r.Header.Set("X-Forwarded-Host", originalHost)
			r.Header.Set("X-Forwarded-Proto", "http")
			if r.TLS != nil {
				r.Header.Set("X-Forwarded-Proto", "https")
			}
		},
		Transport: tr,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			var te interface{ Timeout() bool }
			if errors.As(err, &te) && te.Timeout() || errors.Is(err, context.DeadlineExceeded) {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusGatewayTimeout)
				w.Write([]byte("backend timed out"))
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusBadGateway)
			w.Write([]byte("backend unavailable"))
		},
	}
}
