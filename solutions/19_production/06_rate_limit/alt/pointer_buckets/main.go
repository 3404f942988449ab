// Rounds Retry-After up with integer arithmetic on Durations and splits RemoteAddr with net.SplitHostPort.
package main

import (
	"encoding/json"
	"log"
	"net"
	"net/http"
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
	if now.Sub(l.lastSweep) >= time.Minute {
		l.lastSweep = now
		for k, b := range l.clients {
			if now.Sub(b.last) >= 3*time.Minute {
				delete(l.clients, k)
			}
		}
	}
	b, ok := l.clients[key]
	if !ok {
		b = &bucket{tokens: float64(l.burst), last: now}
		l.clients[key] = b
	}
	b.tokens = min(float64(l.burst), b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
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
			secs := max(1, int((wait+time.Second-1)/time.Second))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
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
		return "key:" + k
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return "ip:" + r.RemoteAddr
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
