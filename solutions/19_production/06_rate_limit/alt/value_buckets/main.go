// Keeps buckets as map values written back after each change, sweeps at a stored next time, and parses RemoteAddr with netip.
package main

import (
	"encoding/json"
	"log"
	"math"
	"net/http"
	"net/netip"
	"os"
	"strconv"
	"sync"
	"time"
)

// Limiter limits the requests of each client. It is safe for concurrent
// use.
type Limiter struct {
	rate  float64 // tokens added per second
	burst int     // the most tokens a bucket holds

	mu        sync.Mutex
	buckets   map[string]bucket
	nextSweep time.Time
}

type bucket struct {
	tokens float64
	last   time.Time // when tokens was last brought up to date
}

const (
	idleFor    = 3 * time.Minute
	sweepEvery = time.Minute
)

// NewLimiter returns a limiter giving each client burst requests at once
// and rate more per second.
func NewLimiter(rate float64, burst int) *Limiter {
	return &Limiter{rate: rate, burst: burst, buckets: make(map[string]bucket), nextSweep: time.Now().Add(sweepEvery)}
}

func (l *Limiter) sweep(now time.Time) {
	if now.Before(l.nextSweep) {
		return
	}
	l.nextSweep = now.Add(sweepEvery)
	for k, b := range l.buckets {
		if now.Sub(b.last) >= idleFor {
			delete(l.buckets, k)
		}
	}
}

// Allow takes a token from key's bucket. Without one, it returns false and
// how long until the next token.
func (l *Limiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	l.sweep(now)
	b, seen := l.buckets[key]
	if !seen {
		b = bucket{tokens: float64(l.burst)}
	} else {
		b.tokens = min(float64(l.burst), b.tokens+now.Sub(b.last).Seconds()*l.rate)
	}
	b.last = now
	allowed := b.tokens >= 1
	var wait time.Duration
	if allowed {
		b.tokens--
	} else {
		wait = time.Duration(math.Ceil((1 - b.tokens) / l.rate * 1e9))
	}
	l.buckets[key] = b
	return allowed, wait
}

// Len reports how many clients the limiter remembers.
func (l *Limiter) Len() int {
	l.mu.Lock()
	n := len(l.buckets)
	l.mu.Unlock()
	return n
}

// Middleware answers 429 to clients over their limit and passes the
// others on to next.
func (l *Limiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ok, wait := l.Allow(clientKey(r)); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(max(1, int(math.Ceil(wait.Seconds())))))
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "rate limit exceeded"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientKey says who is asking: the API key when there is one, or else the
// IP address the connection comes from.
func clientKey(r *http.Request) string {
	if k := r.Header.Get("X-API-Key"); k != "" {
		return "api-key=" + k
	}
	if ap, err := netip.ParseAddrPort(r.RemoteAddr); err == nil {
		return "addr=" + ap.Addr().String()
	}
	return "addr=" + r.RemoteAddr
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
