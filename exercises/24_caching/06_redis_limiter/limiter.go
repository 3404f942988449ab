// Exercise: one rate limit for every instance of a service.
//
// A service runs as several instances behind a load balancer. A limit of N
// requests per window kept in each instance's memory lets a client make N
// requests per window to EACH instance. Keep the counter in Redis instead,
// where every instance counts into the same key (fixed windows):
//
//   - Allow(ctx, key) counts one request of key in the counter prefix+key
//     and reports whether it is within the limit: the first limit requests of
//     a window are allowed, the rest refused until the window ends.
//   - The window starts with the first request: the counter must expire
//     window after it was created. INCR the counter and set its expiry
//     ATOMICALLY (a MULTI/EXEC transaction or a Lua script): if the instance
//     dies, or the connection drops, between a separate INCR and EXPIRE, the
//     key is left without expiry and that client is refused forever.
//   - Middleware limits by client IP (the host part of r.RemoteAddr, without
//     the port): a refused request gets 429 Too Many Requests; when Redis
//     cannot be reached, 503 Service Unavailable. Allowed ones go to next.
//
// As written, each Limiter counts in its own memory. You are done when
// `backendlings run redis_limiter` passes. The tests run against an
// in-process Redis (miniredis), or a real one when REDIS_URL is set.
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
