// Wrong: uses atomic.Int64 but increments with Load and then Store, two
// steps: two goroutines can load the same value and one update is lost.
package stats

import "sync/atomic"

// Stats holds request counters. Its methods are safe for concurrent use.
type Stats struct {
	requests atomic.Int64 // requests begun, ever
	failed   atomic.Int64 // requests that ended with an error
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
	s.requests.Store(s.requests.Load() + 1)
	s.inFlight.Store(s.inFlight.Load() + 1)
}

// End records that a request has finished, with err nil on success.
func (s *Stats) End(err error) {
	s.inFlight.Store(s.inFlight.Load() - 1)
	if err != nil {
		s.failed.Store(s.failed.Load() + 1)
	}
}

// Snapshot returns the current values of the counters.
func (s *Stats) Snapshot() Snapshot {
	return Snapshot{Requests: s.requests.Load(), Failed: s.failed.Load(), InFlight: s.inFlight.Load()}
}
