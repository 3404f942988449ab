// Wrong: Retry-After rounds the wait down (1.5s becomes 1), so the client comes back too early.
// Rate limiting per client. Each client (its X-API-Key header, or else the
// IP address the request comes from) has its own token bucket: up to burst
// requests at once, refilled at rate tokens per second. A request that
// finds its bucket empty gets 429 Too Many Requests and a Retry-After
// header: the whole seconds until a token is back, at least 1. So that the
// map does not grow for ever, Allow also forgets the clients not seen for 3
// minutes, looking for them at least once a minute (no goroutine).
package main

import (
	"encoding/json"
	"log"
	"math"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"
)

const (
	idleTTL    = 3 * time.Minute // forget clients idle this long
	sweepEvery = time.Minute     // look for them at most this often
)

// Limiter holds one token bucket per client key. It is safe for
// concurrent use.
type Limiter struct {
	rate  float64 // tokens added per second
	burst int     // the most tokens a bucket holds

	mu        sync.Mutex
	clients   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	tokens float64
	last   time.Time // when tokens was last brought up to date
}

// NewLimiter returns a limiter giving each client burst requests at once
// and rate more per second.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{rate: rate, burst: burst, clients: map[string]*bucket{}, lastSweep: time.Now()}
}

// Allow takes a token from key's bucket. Without one, it returns false and
// how long until the next token.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	l.sweep(now)

	b, ok := l.clients[key]
	if !ok {
		b = &bucket{tokens: float64(l.burst), last: now}
		l.clients[key] = b
	}
	// Refill for the time since the last visit, up to the burst.
	b.tokens = min(float64(l.burst), b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now

	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait
}

// sweep forgets the clients idle for idleTTL, at most once per sweepEvery.
// By then their buckets are full again, so forgetting them changes nothing
// for them. l.mu must be held.
func (l *Limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < sweepEvery {
		return
	}
	l.lastSweep = now
	for key, b := range l.clients {
		if now.Sub(b.last) >= idleTTL {
			delete(l.clients, key)
		}
	}
}

// Len reports how many clients the limiter remembers.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

// Middleware answers 429 to clients over their limit and passes the
// others on to next.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.Allow(clientKey(r))
		if !ok {
			secs := max(1, int(math.Floor(wait.Seconds())))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "rate limit exceeded"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientKey says who is asking: the API key when there is one, or else the
// IP address the connection comes from. (Not X-Forwarded-For: anyone can
// send that header. Trust it only behind a proxy of your own that sets it.)
func clientKey(r *http.Request) string {
	if key := r.Header.Get("X-API-Key"); key != "" {
		return "key:" + key
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	rate, err := strconv.ParseFloat(os.Getenv("RATE_PER_SEC"), 64)
	if err != nil || rate <= 0 {
		rate = 2
	}
	burst, err := strconv.Atoi(os.Getenv("BURST"))
	if err != nil || burst < 1 {
		burst = 5
	}
	limiter := NewLimiter(rate, burst)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /quote", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"quote": "Simplicity is prerequisite for reliability."})
	})
	log.Printf("listening on %s, %v requests/s per client, bursts of %d", addr, rate, burst)
	log.Fatal(http.ListenAndServe(addr, limiter.Middleware(mux)))
}
