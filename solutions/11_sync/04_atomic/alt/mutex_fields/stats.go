// Keeps plain int64 fields guarded by one sync.Mutex instead of atomic types.
package stats

import "sync"

// Stats holds request counters. Its methods are safe for concurrent use.
type Stats struct {
	mu       sync.Mutex
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
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests++
	s.inFlight++
}

// End records that a request has finished, with err nil on success.
func (s *Stats) End(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inFlight--
	if err != nil {
		s.failed++
	}
}

// Snapshot returns the current values of the counters.
func (s *Stats) Snapshot() Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Snapshot{Requests: s.requests, Failed: s.failed, InFlight: s.inFlight}
}
