// Alternative: a mutex guards a list of the healthy backends, rebuilt by
// each CheckNow; the checks run in parallel, limited by http.Client.Timeout.
package balancer

import (
	"context"
	"net/http"
	"net/http/httputil"
	"net/url"
	"sync"
	"time"
)

// Balancer spreads requests over backends in round-robin order.
type Balancer struct {
	backends []*url.URL
	proxies  []*httputil.ReverseProxy
	client   *http.Client

	mu      sync.Mutex
	up      []int // indexes of the healthy backends
	counter int
}

// New returns a Balancer over backends, all of them healthy at first.
func New(backends []*url.URL, healthTimeout time.Duration) *Balancer {
	b := &Balancer{backends: backends, client: &http.Client{Timeout: healthTimeout}}
	for i, u := range backends {
		b.proxies = append(b.proxies, &httputil.ReverseProxy{
			Rewrite: func(r *httputil.ProxyRequest) {
				r.SetURL(u)
				r.SetXForwarded()
			},
		})
		b.up = append(b.up, i)
	}
	return b
}

// Next returns the index of the next healthy backend, or -1.
func (b *Balancer) Next() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.up) == 0 {
		return -1
	}
	i := b.up[b.counter%len(b.up)]
	b.counter++
	return i
}

// CheckNow checks every backend once, all at the same time.
func (b *Balancer) CheckNow(ctx context.Context) {
	ok := make([]bool, len(b.backends))
	var wg sync.WaitGroup
	for i, u := range b.backends {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, err := http.NewRequestWithContext(ctx, "GET", u.String()+"/healthz", nil)
			if err != nil {
				return
			}
			resp, err := b.client.Do(req)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			ok[i] = resp.StatusCode == 200
		}()
	}
	wg.Wait()
	var up []int
	for i, good := range ok {
		if good {
			up = append(up, i)
		}
	}
	b.mu.Lock()
	b.up = up
	b.mu.Unlock()
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
