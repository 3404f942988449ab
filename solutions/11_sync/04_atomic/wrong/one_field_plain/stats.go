// Wrong: requests and inFlight are atomic, but the failed counter is still a
// plain int64 incremented with ++: two failing requests can end at once.
// Stats counts requests for a /metrics page; every request goroutine calls
// Begin and End, so plain int64 fields race. Make each field a sync/atomic
// type (atomic.Int64) and use its Add and Load methods. The zero Stats must
// stay ready to use.
package stats

import "sync/atomic"

// Stats holds request counters. Its methods are safe for concurrent use.
type Stats struct {
	requests atomic.Int64 // requests begun, ever
	failed   int64        // requests that ended with an error
	inFlight atomic.Int64 // requests begun and not yet ended
}

// Snapshot is a copy of the counters at one moment.
type Snapshot struct {
	Requests int64
	Failed   int64
	InFlight int64
}

// Begin records that a request has started.
func (s *Stats) Begin() {
	s.requests.Add(1)
	s.inFlight.Add(1)
}

// End records that a request has finished, with err nil on success.
func (s *Stats) End(err error) {
	s.inFlight.Add(-1)
	if err != nil {
		s.failed++
	}
}

// Snapshot returns the current values of the counters. Each value is read
// atomically; together they are not one consistent instant (a request may
// begin between two loads), which is fine for metrics.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{
		Requests: s.requests.Load(),
		Failed:   s.failed,
		InFlight: s.inFlight.Load(),
	}
}
