// Alternative: Ready switches on the ping error; Metrics keeps the route in a helper and sorts the keys with slices.SortedFunc.

// Capstone, stage 3: operations. Write the readiness check (Ready), the
// request counter of /metrics (Metrics.Middleware and the counter in
// Metrics.ServeHTTP), the server's timeouts (NewServer in server.go) and
// the graceful shutdown (Serve in server.go, and the signal in
// cmd/bookmarks/main.go).
package bookmarks

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Health answers liveness probes: 200 {"status":"ok"} as long as the
// process can answer at all. It checks nothing else: a liveness probe that
// fails gets the process restarted, and restarting does not fix a
// database that is down.
func Health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Pinger is anything that can tell whether it answers.
type Pinger interface {
	Ping(ctx context.Context) error
}

// ReadyTimeout bounds how long Ready waits for the database.
const ReadyTimeout = time.Second

// Ready answers readiness probes: 200 {"status":"ready"} when db answers
// a ping within ReadyTimeout; otherwise 503 {"status":"unavailable"},
// with the error logged and not sent.
func Ready(db Pinger, logger *slog.Logger) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), ReadyTimeout)
		defer cancel()
		switch err := db.Ping(ctx); err {
		case nil:
			writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
		default:
			logger.Error("readiness check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		}
	}
}

// Metrics counts the requests served, by route and status, and shows the
// counts in the Prometheus text format. It is safe for concurrent use.
type Metrics struct {
	mu       sync.Mutex
	requests map[requestKey]uint64
}

type requestKey struct {
	route  string
	status int
}

// NewMetrics returns metrics with nothing counted yet.
func NewMetrics() *Metrics {
	return &Metrics{requests: map[requestKey]uint64{}}
}

// Middleware counts each request once it has been served, under the
// pattern of the route that served it ("GET /bookmarks/{id}", never the
// path itself: one series per route, not one per bookmark) and its
// status. A request no route matched counts under the route "unmatched".
//
// The ServeMux sets r.Pattern on the request it is given, so Middleware
// must pass r on as it is and sit inside every middleware that replaces
// the request (RequestID does, with r.WithContext).
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.count(route(r), rec.status)
	})
}

// count adds one request to the series of route and status.
func (m *Metrics) count(route string, status int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[requestKey{route, status}]++
}

// route names the route that served r, once the mux has set r.Pattern.
func route(r *http.Request) string {
	if r.Pattern == "" {
		return "unmatched"
	}
	return r.Pattern
}

// ServeHTTP writes the metrics in the Prometheus text format, version
// 0.0.4: for each metric a # HELP and a # TYPE line, then one line per
// series, such as
//
//	http_requests_total{route="GET /bookmarks",status="200"} 3
func (m *Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	var b strings.Builder

	b.WriteString("# HELP go_goroutines Goroutines that currently exist.\n")
	b.WriteString("# TYPE go_goroutines gauge\n")
	fmt.Fprintf(&b, "go_goroutines %d\n", runtime.NumGoroutine())

	m.mu.Lock()
	counts := maps.Clone(m.requests)
	m.mu.Unlock()

	b.WriteString("# HELP http_requests_total Requests served, by route pattern and status code.\n")
	b.WriteString("# TYPE http_requests_total counter\n")
	keys := slices.SortedFunc(maps.Keys(counts), func(x, y requestKey) int {
		if x.route != y.route {
			return strings.Compare(x.route, y.route)
		}
		return x.status - y.status
	})
	for _, k := range keys {
		b.WriteString(`http_requests_total{route="` + escapeLabel(k.route) + `",status="` +
			strconv.Itoa(k.status) + `"} ` + strconv.FormatUint(counts[k], 10) + "\n")
	}
	fmt.Fprint(w, b.String())
}

// escapeLabel escapes a label value the way the text format wants:
// backslash, double quote and newline get a backslash.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s)
}
