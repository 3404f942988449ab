package lazy

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

// testCountedOpen returns an open function that counts its calls and returns res
// and err.
func testCountedOpen(res *Resource, err error) (open func() (*Resource, error), calls *atomic.Int32) {
	calls = new(atomic.Int32)
	return func() (*Resource, error) {
		calls.Add(1)
		return res, err
	}, calls
}

func TestNewDoesNotOpen(t *testing.T) {
	open, calls := testCountedOpen(&Resource{Name: "db"}, nil)
	New(open)
	if n := calls.Load(); n != 0 {
		t.Errorf("New(open) called open %d times, want 0: opening is Get's job, on first use", n)
	}
}

func TestGetOpensOnce(t *testing.T) {
	want := &Resource{Name: "db"}
	open, calls := testCountedOpen(want, nil)
	l := New(open)
	for i := range 3 {
		got, err := l.Get()
		if got != want || err != nil {
			t.Fatalf("call %d: Get() = %v, %v; want the resource open returned (%v), nil", i+1, got, err, want)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("3 calls of Get called open %d times, want 1", n)
	}
}

// TestGetConcurrent calls Get from many goroutines at once while open is
// still running. Every caller must wait for the one open and get its result.
func TestGetConcurrent(t *testing.T) {
	const callers = 50
	want := &Resource{Name: "db"}
	var calls atomic.Int32
	started := make(chan struct{})
	release := make(chan struct{})
	l := New(func() (*Resource, error) {
		if calls.Add(1) == 1 {
			close(started)
		}
		<-release // open is slow: the other callers arrive meanwhile
		return want, nil
	})

	results := make([]*Resource, callers)
	errs := make([]error, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() { results[i], errs[i] = l.Get() })
	}
	<-started
	close(release)
	wg.Wait()

	if n := calls.Load(); n != 1 {
		t.Errorf("%d goroutines called Get at once: open ran %d times, want exactly 1", callers, n)
	}
	for i, got := range results {
		if got != want || errs[i] != nil {
			t.Errorf("a Get that arrived while open was running returned %v, %v; want the opened resource %v, nil: callers must wait for the first open to finish", got, errs[i], want)
			break
		}
	}
}

func TestErrorIsRemembered(t *testing.T) {
	errDial := errors.New("dial tcp: connection refused")
	open, calls := testCountedOpen(nil, errDial)
	l := New(open)
	for i := range 3 {
		res, err := l.Get()
		if !errors.Is(err, errDial) || res != nil {
			t.Fatalf("open fails with %q; call %d: Get() = %v, %v; want nil and that error", errDial, i+1, res, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("open failed, and 3 calls of Get called it %d times, want 1: the first result, error included, is remembered", n)
	}
}

func TestNilResultIsRemembered(t *testing.T) {
	open, calls := testCountedOpen(nil, nil)
	l := New(open)
	for range 3 {
		if res, err := l.Get(); res != nil || err != nil {
			t.Fatalf("open returns nil, nil; Get() = %v, %v; want nil, nil", res, err)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("open returned nil, nil, and 3 calls of Get called it %d times, want 1: do not use a nil resource to mean \"not opened yet\"", n)
	}
}
