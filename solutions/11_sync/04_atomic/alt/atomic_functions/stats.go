// Keeps plain int64 fields and uses the atomic.AddInt64 and atomic.LoadInt64 functions on them.
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

// Snapshot returns the current values of the counters.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{
		Requests: atomic.LoadInt64(&s.requests),
		Failed:   atomic.LoadInt64(&s.failed),
		InFlight: atomic.LoadInt64(&s.inFlight),
	}
}
