// Wrong: each instance counts in its own memory, so two instances allow
// twice the limit.
package limiter

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter allows limit requests per window and key, counted in Redis.
type Limiter struct {
	rdb    *redis.Client
	prefix string
	limit  int
	window time.Duration

	mu     sync.Mutex
	counts map[string]int
	starts map[string]time.Time
}

// New returns a limiter whose counters live under prefix in Redis. window is
// at least one second.
func New(rdb *redis.Client, prefix string, limit int, window time.Duration) *Limiter {
	return &Limiter{
		rdb: rdb, prefix: prefix, limit: limit, window: window,
		counts: map[string]int{}, starts: map[string]time.Time{},
	}
}

// Allow counts one request of key and reports whether it is allowed.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if start, ok := l.starts[key]; !ok || time.Since(start) >= l.window {
		l.starts[key] = time.Now()
		l.counts[key] = 0
	}
	l.counts[key]++
	return l.counts[key] <= l.limit, nil
}

// Middleware limits the requests of each client IP.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			ip = r.RemoteAddr
		}
		ok, err := l.Allow(r.Context(), ip)
		if err != nil {
			http.Error(w, "rate limiter unavailable", http.StatusServiceUnavailable)
			return
		}
		if !ok {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
