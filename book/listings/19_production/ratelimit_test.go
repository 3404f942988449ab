package production

import (
	"fmt"
	"time"
)

// ANCHOR: bucket
// bucket is one token bucket. The caller passes the time, so that the
// example (and a test) can say exactly when each request happens.
type bucket struct {
	rate, burst float64 // tokens per second; the most it holds
	tokens      float64
	last        time.Time
}

func (b *bucket) take(now time.Time) bool {
	// Refill lazily: no timer, just the time since the last visit.
	b.tokens = min(b.burst, b.tokens+now.Sub(b.last).Seconds()*b.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

func Example_bucket() {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b := &bucket{rate: 1, burst: 3, tokens: 3, last: start}
	for _, at := range []time.Duration{
		0, 0, 0, 0, 500 * time.Millisecond, time.Second, 10 * time.Second,
	} {
		fmt.Printf("t=%-5v %v\n", at, b.take(start.Add(at)))
	}
	// Output:
	// t=0s    true
	// t=0s    true
	// t=0s    true
	// t=0s    false
	// t=500ms false
	// t=1s    true
	// t=10s   true
}

// ANCHOR_END: bucket
