// Stats counts requests for a /metrics page; every request goroutine calls
// Begin and End, so plain int64 fields race. Make each field a sync/atomic
// type (atomic.Int64) and use its Add and Load methods. The zero Stats must
// stay ready to use.
package stats

// Stats holds request counters. Its methods are safe for concurrent use.
type Stats struct {
	// TODO: make these atomic.
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
	s.requests++
	s.inFlight++
}

// End records that a request has finished, with err nil on success.
func (s *Stats) End(err error) {
	s.inFlight--
	if err != nil {
		s.failed++
	}
}

// Snapshot returns the current values of the counters.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{Requests: s.requests, Failed: s.failed, InFlight: s.inFlight}
}
