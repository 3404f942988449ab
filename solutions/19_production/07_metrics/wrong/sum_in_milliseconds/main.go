// Wrong: _sum adds milliseconds, not seconds.
// Prometheus metrics, by hand. GET /metrics answers in the Prometheus text
// format, with a # TYPE line before each metric:
//
//   - http_requests_total{method,path,status}: a counter of the requests
//     served. The path label is the route that matched, r.Pattern without
//     its method ("/items/{id}", never "/items/42"), or "unmatched";
//   - http_request_duration_seconds: a histogram of how long requests took,
//     with the upper bounds in buckets: cumulative _bucket{le="..."}
//     samples ending with le="+Inf", then _sum and _count;
//   - go_goroutines: a gauge, the goroutines that exist now.
package main

import (
	"cmp"
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// buckets are the upper bounds of the histogram, in seconds.
var buckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type requestKey struct {
	method, path string
	status       int
}

// Metrics counts requests and their durations. It is safe for concurrent
// use.
type Metrics struct {
	mu       sync.Mutex
	requests map[requestKey]uint64
	counts   []uint64 // counts[i]: durations <= buckets[i] (and above buckets[i-1])
	sum      float64  // seconds
	count    uint64
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	return &Metrics{requests: map[requestKey]uint64{}, counts: make([]uint64, len(buckets))}
}

// Observe records one request.
func (m *Metrics) Observe(method, path string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{method, path, status}]++
	secs := d.Seconds()
	// The first bucket whose bound is >= secs; none: only +Inf holds it.
	if i, _ := slices.BinarySearch(buckets, secs); i < len(buckets) {
		m.counts[i]++
	}
	m.sum += float64(d.Milliseconds())
	m.count++
}

// Middleware observes every request that goes through it.
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.Observe(r.Method, route(r), rec.status, time.Since(start))
	})
}

// route is the pattern the ServeMux matched, without its method: a label
// with a bounded number of values. Raw paths (/items/1, /items/2, …, and
// whatever scanners try) would make one series each, without end.
func route(r *http.Request) string {
	if r.Pattern == "" {
		return "unmatched"
	}
	if _, path, found := strings.Cut(r.Pattern, " "); found {
		return path
	}
	return r.Pattern
}

// ServeHTTP writes the metrics in the Prometheus text format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")

	fmt.Fprintln(w, "# HELP http_requests_total Requests served, by method, route and status.")
	fmt.Fprintln(w, "# TYPE http_requests_total counter")
	keys := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b requestKey) int {
		return cmp.Or(strings.Compare(a.path, b.path), strings.Compare(a.method, b.method), cmp.Compare(a.status, b.status))
	})
	for _, k := range keys {
		fmt.Fprintf(w, "http_requests_total{method=%q,path=%q,status=\"%d\"} %d\n", k.method, k.path, k.status, m.requests[k])
	}

	fmt.Fprintln(w, "# HELP http_request_duration_seconds How long requests took.")
	fmt.Fprintln(w, "# TYPE http_request_duration_seconds histogram")
	var cumulative uint64
	for i, le := range buckets {
		cumulative += m.counts[i]
		fmt.Fprintf(w, "http_request_duration_seconds_bucket{le=\"%s\"} %d\n", strconv.FormatFloat(le, 'g', -1, 64), cumulative)
	}
	fmt.Fprintf(w, "http_request_duration_seconds_bucket{le=\"+Inf\"} %d\n", m.count)
	fmt.Fprintf(w, "http_request_duration_seconds_sum %s\n", strconv.FormatFloat(m.sum, 'g', -1, 64))
	fmt.Fprintf(w, "http_request_duration_seconds_count %d\n", m.count)

	fmt.Fprintln(w, "# HELP go_goroutines Goroutines that currently exist.")
	fmt.Fprintln(w, "# TYPE go_goroutines gauge")
	fmt.Fprintf(w, "go_goroutines %d\n", runtime.NumGoroutine())
}

// statusRecorder remembers the status a handler sends (chapter 16).
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

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func newMux(metrics *Metrics) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		if _, err := strconv.Atoi(r.PathValue("id")); err != nil {
			http.Error(w, "no such item", http.StatusNotFound)
			return
		}
		fmt.Fprintf(w, "item %s\n", r.PathValue("id"))
	})
	mux.Handle("GET /metrics", metrics)
	return mux
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	metrics := NewMetrics()
	log.Printf("listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, metrics.Middleware(newMux(metrics))))
}
