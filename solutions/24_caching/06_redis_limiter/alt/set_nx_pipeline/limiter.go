// Alternative: one pipeline of SET key 0 PX window NX (create the counter
// with its expiry if it is not there) and INCR (which keeps the expiry), so
// the counter never exists without one.
package limiter

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter allows limit requests per window and key, counted in Redis.
type Limiter struct {
	rdb    *redis.Client
	prefix string
	limit  int
	window time.Duration
}

// New returns a limiter whose counters live under prefix in Redis.
func New(rdb *redis.Client, prefix string, limit int, window time.Duration) *Limiter {
	return &Limiter{rdb, prefix, limit, window}
}

// Allow counts one request of key and reports whether it is allowed.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	k := l.prefix + key
	cmds, err := l.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		p.SetNX(ctx, k, 0, l.window)
		p.Incr(ctx, k)
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("limiter: %w", err)
	}
	n := cmds[1].(*redis.IntCmd).Val()
	return n <= int64(l.limit), nil
}

// Middleware limits the requests of each client IP.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := r.RemoteAddr
		if ap, err := netip.ParseAddrPort(r.RemoteAddr); err == nil {
			client = ap.Addr().String()
		}
		ok, err := l.Allow(r.Context(), client)
		if err != nil {
			http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
			return
		}
		if !ok {
			http.Error(w, http.StatusText(http.StatusTooManyRequests), http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
