// The middleware stack: request IDs, a JSON log line per request, panic
// recovery, and a rate limit per client.
package bookmarks

import (
	"context"
	"crypto/rand"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
)

// Middleware wraps a handler in another.
type Middleware func(http.Handler) http.Handler

// Chain wraps h in mws, the first of mws outermost: it sees each request
// first and its response last.
func Chain(h http.Handler, mws ...Middleware) http.Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// RequestIDHeader carries a request's ID, in and out.
const RequestIDHeader = "X-Request-ID"

type requestIDKey struct{}

// RequestIDFrom returns the ID that RequestID gave the request, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// RequestID gives every request an ID: the client's X-Request-ID when it
// is 1 to 64 letters, digits, '-', '_' or '.', a new random one
// otherwise. The ID goes into the request's context, where RequestIDFrom
// finds it, and into the X-Request-ID header of the response.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(RequestIDHeader)
		if !validRequestID(id) {
			id = rand.Text()
		}
		w.Header().Set(RequestIDHeader, id)
		ctx := context.WithValue(r.Context(), requestIDKey{}, id)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// validRequestID keeps IDs that are safe to copy into logs and headers.
func validRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, c := range id {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == '-' || c == '_' || c == '.'
		if !ok {
			return false
		}
	}
	return true
}

// Logging logs one line per request after it is served: message
// "request", level INFO (ERROR for a 5xx status), with the attributes
// method, path, status, duration (a time.Duration) and request_id.
func Logging(logger *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r)
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			}
			logger.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", rec.status),
				slog.Duration("duration", time.Since(start)),
				slog.String("request_id", RequestIDFrom(r.Context())),
			)
		})
	}
}

// statusRecorder remembers the status a handler sends.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wroteHeader {
		s.status, s.wroteHeader = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wroteHeader = true
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.NewResponseController reach the real ResponseWriter.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Recover turns a panic in next into a 500 with the body
// {"error":"internal error"}, and logs it at level ERROR with the message
// "panic" and the attributes panic (the value recovered), stack
// (debug.Stack()) and request_id. The panic value never reaches the
// client. http.ErrAbortHandler is re-panicked: it is net/http's way to
// abort a response on purpose.
func Recover(logger *slog.Logger) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			defer func() {
				v := recover()
				if v == nil {
					return
				}
				if v == http.ErrAbortHandler {
					panic(v)
				}
				logger.ErrorContext(r.Context(), "panic",
					"panic", v,
					"stack", string(debug.Stack()),
					"request_id", RequestIDFrom(r.Context()),
				)
				writeError(w, http.StatusInternalServerError, "internal error")
			}()
			next.ServeHTTP(w, r)
		})
	}
}

// Limiter is a token bucket per client: a client may make burst requests
// at once, and then one more each time 1/rate seconds have passed. It is
// safe for concurrent use.
type Limiter struct {
	rate  float64 // tokens added per second
	burst float64 // most tokens a bucket holds

	mu      sync.Mutex
	clients map[string]*bucket
}

type bucket struct {
	tokens float64   // tokens left at last
	last   time.Time // when tokens was computed
}

// maxClients bounds the memory the buckets take: past it, the buckets of
// clients idle long enough to be full again are dropped (a new one starts
// full, so forgetting them changes nothing).
const maxClients = 10_000

// NewLimiter returns a limiter that lets each client make burst requests
// at once and rate requests per second after that.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{rate: rate, burst: float64(burst), clients: map[string]*bucket{}}
}

// Allow takes a token from the bucket of client key. When there is none,
// it returns false and how long until there will be one.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.clients[key]
	if !ok {
		if len(l.clients) >= maxClients {
			l.forgetIdle(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.clients[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// forgetIdle drops the buckets that have refilled completely.
func (l *Limiter) forgetIdle(now time.Time) {
	for key, b := range l.clients {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.clients, key)
		}
	}
}

// RateLimit lets a request through when its client (clientIP) has a token
// left in l. Otherwise it answers 429 Too Many Requests with a
// Retry-After header (whole seconds, rounded up, at least 1) and the body
// {"error":"too many requests"}.
func RateLimit(l *Limiter) Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ok, wait := l.Allow(clientIP(r))
			if !ok {
				secs := max(1, int(math.Ceil(wait.Seconds())))
				w.Header().Set("Retry-After", strconv.Itoa(secs))
				writeError(w, http.StatusTooManyRequests, "too many requests")
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// clientIP identifies the client of r: the IP address of r.RemoteAddr,
// without the port (each connection comes from a port of its own).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
