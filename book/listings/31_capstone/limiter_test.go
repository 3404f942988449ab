package capstone

import (
	"fmt"
	"math"
	"net"
	"net/http/httptest"
	"strconv"
	"time"
)

// ANCHOR: gcra
// quota limits one client with a single timestamp instead of a token
// count (the "generic cell rate algorithm"): tat is the time at which
// the client's bucket would be full again. Each request pushes tat one
// interval later; a request that would push it more than burst intervals
// past now is refused. It behaves exactly like a token bucket.
type quota struct {
	interval time.Duration // 1 / rate
	burst    int
	tat      time.Time
}

// allow reports whether a request at now is allowed, and if not, how long
// until it would be.
func (q *quota) allow(now time.Time) (bool, time.Duration) {
	tat := q.tat
	if tat.Before(now) {
		tat = now // an idle client: a full bucket, never more
	}
	next := tat.Add(q.interval)
	limit := now.Add(time.Duration(q.burst) * q.interval)
	if next.After(limit) {
		return false, next.Sub(limit)
	}
	q.tat = next
	return true, 0
}

func Example_gcra() {
	q := &quota{interval: 500 * time.Millisecond, burst: 3} // 2 per second, 3 at once
	start := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	for _, after := range []time.Duration{
		0, 0, 0, 0, 250 * time.Millisecond, 500 * time.Millisecond, time.Hour,
	} {
		ok, wait := q.allow(start.Add(after))
		fmt.Printf("at +%v: allowed %v, wait %v\n", after, ok, wait)
	}
	// Output:
	// at +0s: allowed true, wait 0s
	// at +0s: allowed true, wait 0s
	// at +0s: allowed true, wait 0s
	// at +0s: allowed false, wait 500ms
	// at +250ms: allowed false, wait 250ms
	// at +500ms: allowed true, wait 0s
	// at +1h0m0s: allowed true, wait 0s
}

// ANCHOR_END: gcra

// ANCHOR: retry-after
// retryAfter is the value of a Retry-After header: whole seconds, rounded
// up (a client told "0" would come back at once), at least 1.
func retryAfter(wait time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(wait.Seconds()))))
}

func Example_retryAfter() {
	for _, d := range []time.Duration{
		250 * time.Millisecond, time.Second, 1500 * time.Millisecond, 10 * time.Second,
	} {
		fmt.Println(d, "→ Retry-After:", retryAfter(d))
	}
	// Output:
	// 250ms → Retry-After: 1
	// 1s → Retry-After: 1
	// 1.5s → Retry-After: 2
	// 10s → Retry-After: 10
}

// ANCHOR_END: retry-after

// ANCHOR: client-key
func Example_clientKey() {
	remotes := []string{"203.0.113.7:51234", "203.0.113.7:51235", "[2001:db8::1]:443"}
	for _, remote := range remotes {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = remote // what net/http sets: the peer's IP and port
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		fmt.Printf("%-20s → %s\n", r.RemoteAddr, host)
	}
	// Output:
	// 203.0.113.7:51234    → 203.0.113.7
	// 203.0.113.7:51235    → 203.0.113.7
	// [2001:db8::1]:443    → 2001:db8::1
}

// ANCHOR_END: client-key
