// Alternative: an atomic.Pointer holds an immutable snapshot of which
// backends are up, replaced whole by CheckNow; Next reads it without a lock.
// Each check is a goroutine started with WaitGroup.Go.
package balancer

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"time"
)

// Balancer spreads requests over backends in round-robin order.
type Balancer struct {
	backends []*url.URL
	proxies  []http.Handler
	timeout  time.Duration

	state atomic.Pointer[[]bool] // up[i] for backend i
	turn  atomic.Int64
}

// New returns a Balancer over backends, all of them healthy at first.
func New(backends []*url.URL, healthTimeout time.Duration) *Balancer {
	b := &Balancer{backends: backends, timeout: healthTimeout}
	up := make([]bool, len(backends))
	for i, u := range backends {
		b.proxies = append(b.proxies, &httputil.ReverseProxy{
			Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(u) },
		})
		up[i] = true
	}
	b.state.Store(&up)
	return b
}

// Next returns the index of the next healthy backend, or -1.
func (b *Balancer) Next() int {
	up := *b.state.Load()
	n := int64(len(up))
	for range n {
		i := (b.turn.Add(1) - 1) % n
		if up[i] {
			return int(i)
		}
	}
	return -1
}

// CheckNow checks every backend once and publishes a new snapshot.
func (b *Balancer) CheckNow(ctx context.Context) {
	up := make([]bool, len(b.backends))
	var wg sync.WaitGroup
	for i, u := range b.backends {
		wg.Go(func() { up[i] = b.healthy(ctx, u) })
	}
	wg.Wait()
	b.state.Store(&up)
}

func (b *Balancer) healthy(ctx context.Context, u *url.URL) bool {
	ctx, cancel := context.WithTimeout(ctx, b.timeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u.JoinPath("healthz").String(), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
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
