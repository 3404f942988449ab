// Wrong: when the backend whose turn it is is down, its turn goes to the
// next healthy one, which then gets twice the traffic of the others.
package balancer

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync/atomic"
	"time"
)

// Balancer spreads requests over backends in round-robin order.
type Balancer struct {
	backends      []*url.URL
	proxies       []*httputil.ReverseProxy
	healthTimeout time.Duration
	client        *http.Client

	next    atomic.Uint64 // round-robin position
	healthy []atomic.Bool // one per backend
}

// New returns a Balancer over backends, all of them healthy until a check
// says otherwise.
func New(backends []*url.URL, healthTimeout time.Duration) *Balancer {
	b := &Balancer{
		backends:      backends,
		healthTimeout: healthTimeout,
		client:        &http.Client{},
		healthy:       make([]atomic.Bool, len(backends)),
	}
	for i, u := range backends {
		b.proxies = append(b.proxies, &httputil.ReverseProxy{
			Rewrite: func(r *httputil.ProxyRequest) {
				r.SetURL(u)
				r.SetXForwarded()
			},
		})
		b.healthy[i].Store(true)
	}
	return b
}

// Next returns the index of the next healthy backend in round-robin order,
// or -1 if none is healthy.
func (b *Balancer) Next() int {
	n := len(b.backends)
	start := int((b.next.Add(1) - 1) % uint64(n))
	for k := range n {
		if i := (start + k) % n; b.healthy[i].Load() {
			return i
		}
	}
	return -1
}

// CheckNow checks every backend once and records which are healthy.
func (b *Balancer) CheckNow(ctx context.Context) {
	for i, u := range b.backends {
		b.healthy[i].Store(b.check(ctx, u))
	}
}

func (b *Balancer) check(ctx context.Context, u *url.URL) bool {
	ctx, cancel := context.WithTimeout(ctx, b.healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.JoinPath("/healthz").String(), nil)
	if err != nil {
		return false
	}
	resp, err := b.client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// Run calls CheckNow every interval until ctx ends.
func (b *Balancer) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			b.CheckNow(ctx)
		}
	}
}

// ServeHTTP forwards the request to the next healthy backend, or answers
// 503 Service Unavailable when there is none.
func (b *Balancer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	i := b.Next()
	if i < 0 {
		http.Error(w, "no healthy backend", http.StatusServiceUnavailable)
		return
	}
	b.proxies[i].ServeHTTP(w, r)
}
