// Wrong: Begin and End use atomic.AddInt64 on plain int64 fields, but Snapshot
// reads them with a plain load. An atomic write and a plain read of the same
// variable still race.
// Stats counts requests for a /metrics page; every request goroutine calls
// Begin and End, so plain int64 fields race. Make each field a sync/atomic
// type (atomic.Int64) and use its Add and Load methods. The zero Stats must
// stay ready to use.
package stats

import "sync/atomic"

// Stats holds request counters. Its methods are safe for concurrent use.
type Stats struct {
	requests int64 // requests begun, ever
	failed   int64 // requests that ended with an error
	inFlight int64 // requests begun and not yet ended
}

// Snapshot is a copy of the counters at one moment.
type Snapshot struct {
	Requests int64
	Failed   int64
	InFlight int64
}

// Begin records that a request has started.
func (s *Stats) Begin() {
	atomic.AddInt64(&s.requests, 1)
	atomic.AddInt64(&s.inFlight, 1)
}

// End records that a request has finished, with err nil on success.
func (s *Stats) End(err error) {
	atomic.AddInt64(&s.inFlight, -1)
	if err != nil {
		atomic.AddInt64(&s.failed, 1)
	}
}

// Snapshot returns the current values of the counters. Each value is read
// atomically; together they are not one consistent instant (a request may
// begin between two loads), which is fine for metrics.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{
		Requests: s.requests,
		Failed:   s.failed,
		InFlight: s.inFlight,
	}
}
