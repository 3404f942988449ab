package stats

import (
	"errors"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

var testErrTestTimeout = errors.New("timeout")

func TestZeroValueIsReady(t *testing.T) {
	var s Stats
	if got := s.Snapshot(); got != (Snapshot{}) {
		t.Errorf("zero Stats: Snapshot() = %+v, want all zero", got)
	}
	s.Begin()
	s.Begin()
	s.End(nil)
	want := Snapshot{Requests: 2, Failed: 0, InFlight: 1}
	if got := s.Snapshot(); got != want {
		t.Errorf("Begin, Begin, End(nil): Snapshot() = %+v, want %+v", got, want)
	}
	s.End(testErrTestTimeout)
	want = Snapshot{Requests: 2, Failed: 1, InFlight: 0}
	if got := s.Snapshot(); got != want {
		t.Errorf("then End(err): Snapshot() = %+v, want %+v", got, want)
	}
}

// TestConcurrentRequests starts many requests at once, checks the in-flight
// gauge while they are all running, then ends them (every third with an
// error) while other goroutines read snapshots. The tests run with -race:
// a plain ++ or a plain read of a shared field is reported.
func TestConcurrentRequests(t *testing.T) {
	const n = 60
	var s Stats
	var begun, ended sync.WaitGroup
	release := make(chan struct{})
	for i := range n {
		begun.Add(1)
		ended.Go(func() {
			s.Begin()
			begun.Done()
			<-release
			if i%3 == 0 {
				s.End(testErrTestTimeout)
			} else {
				s.End(nil)
			}
		})
	}
	begun.Wait()
	want := Snapshot{Requests: n, Failed: 0, InFlight: n}
	if got := s.Snapshot(); got != want {
		t.Errorf("%d requests begun at once and none ended: Snapshot() = %+v, want %+v", n, got, want)
	}

	var readers sync.WaitGroup
	for range 4 {
		readers.Go(func() {
			for range 100 {
				got := s.Snapshot()
				if got.InFlight < 0 || got.InFlight > n || got.Failed > n/3 {
					t.Errorf("while requests were ending: Snapshot() = %+v, impossible with %d requests", got, n)
					return
				}
			}
		})
	}
	close(release)
	ended.Wait()
	readers.Wait()

	want = Snapshot{Requests: n, Failed: n / 3, InFlight: 0}
	if got := s.Snapshot(); got != want {
		t.Errorf("%d requests ended, every third with an error: Snapshot() = %+v, want %+v", n, got, want)
	}
}

func TestManyRequestsAtOnce(t *testing.T) {
	const goroutines, each = 4, 50000
	var s Stats
	var ready atomic.Int64 // each goroutine waits until all are ready, so the calls overlap
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			ready.Add(1)
			for ready.Load() < goroutines {
				runtime.Gosched()
			}
			for i := range each {
				s.Begin()
				if (g+i)%4 == 0 {
					s.End(testErrTestTimeout)
				} else {
					s.End(nil)
				}
			}
		})
	}
	wg.Wait()
	want := Snapshot{Requests: goroutines * each, Failed: goroutines * each / 4, InFlight: 0}
	if got := s.Snapshot(); got != want {
		t.Errorf("%d goroutines at once, each calling Begin and End %d times (every fourth End with an error): Snapshot() = %+v, want %+v", goroutines, each, got, want)
	}
}
