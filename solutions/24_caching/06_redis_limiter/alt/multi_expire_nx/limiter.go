// Alternative: a MULTI/EXEC transaction of INCR and EXPIRE … NX (set the
// expiry only if the key has none), instead of a Lua script.
package limiter

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

// Limiter allows limit requests per window and key, counted in Redis.
type Limiter struct {
	rdb    *redis.Client
	prefix string
	limit  int64
	window time.Duration
}

// New returns a limiter whose counters live under prefix in Redis.
func New(rdb *redis.Client, prefix string, limit int, window time.Duration) *Limiter {
	return &Limiter{rdb: rdb, prefix: prefix, limit: int64(limit), window: window}
}

// Allow counts one request of key and reports whether it is allowed.
func (l *Limiter) Allow(ctx context.Context, key string) (bool, error) {
	var incr *redis.IntCmd
	_, err := l.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		incr = p.Incr(ctx, l.prefix+key)
		p.ExpireNX(ctx, l.prefix+key, l.window)
		return nil
	})
	if err != nil {
		return false, err
	}
	return incr.Val() <= l.limit, nil
}

// Middleware limits the requests of each client IP.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.RemoteAddr
		if h, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
			host = h
		}
		allowed, err := l.Allow(r.Context(), host)
		switch {
		case err != nil:
			w.WriteHeader(http.StatusServiceUnavailable)
		case !allowed:
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			next.ServeHTTP(w, r)
		}
	})
}
