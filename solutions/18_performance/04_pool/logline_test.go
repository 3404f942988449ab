package logline

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"
)

var (
	testLogin  = Event{Level: "info", Msg: "user logged in", UserID: 42, DurationMs: 153}
	testFailed = Event{Level: "error", Msg: `query "orders" failed`, UserID: 7, DurationMs: 30012}
)

const (
	testLoginLine  = "level=info msg=\"user logged in\" user=42 duration_ms=153\n"
	testFailedLine = "level=error msg=\"query \\\"orders\\\" failed\" user=7 duration_ms=30012\n"
)

// testEmptyPools starts a test with empty pools, as a program starts: a pooled
// buffer survives one garbage collection but not two. Without it, what a
// wrong solution prints would depend on what earlier tests left in the pool
// and on when the collector last ran.
func testEmptyPools() {
	runtime.GC()
	runtime.GC()
}

func TestEncode(t *testing.T) {
	testEmptyPools()
	for _, tc := range []struct {
		e    Event
		want string
	}{{testLogin, testLoginLine}, {testFailed, testFailedLine}} {
		if got := string(Encode(tc.e)); got != tc.want {
			t.Errorf("Encode(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestEncodeResultsAreIndependent(t *testing.T) {
	testEmptyPools()
	for range 10 {
		a := Encode(testLogin)
		b := Encode(testFailed)
		if string(a) != testLoginLine || string(b) != testFailedLine {
			t.Fatalf("a := Encode(login); b := Encode(failed): a = %q, b = %q; want a = %q, b = %q. A pooled buffer must be Reset before use, and Encode must return a copy of its bytes: buf.Bytes() shares the buffer's memory, which the next call overwrites", a, b, testLoginLine, testFailedLine)
		}
		a[0] = 'X' // the caller owns the result and may change it
		if c := Encode(testLogin); string(c) != testLoginLine {
			t.Fatalf("after the caller changed the result of an earlier Encode, Encode(login) = %q, want %q: return a copy of the buffer's bytes, never the bytes themselves", c, testLoginLine)
		}
	}
}

// testRecorder keeps a copy of every Write.
type testRecorder struct {
	mu     sync.Mutex
	writes []string
}

func (r *testRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, string(p))
	return len(p), nil
}

func TestLog(t *testing.T) {
	testEmptyPools()
	var rec testRecorder
	l := New(&rec)
	for _, e := range []Event{testLogin, testFailed, testLogin} {
		if err := l.Log(e); err != nil {
			t.Fatalf("Log(%+v): %v", e, err)
		}
	}
	want := []string{testLoginLine, testFailedLine, testLoginLine}
	if !slices.Equal(rec.writes, want) {
		t.Fatalf("Log(login), Log(failed), Log(login) wrote %q, want %q (one Write per line): a buffer from the pool still holds what it held when it was put back; Reset it", rec.writes, want)
	}
}

func TestLogConcurrently(t *testing.T) {
	testEmptyPools()
	var rec testRecorder
	l := New(&rec)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				l.Log(Event{Level: "info", Msg: "tick", UserID: int64(g), DurationMs: int64(i)})
			}
		})
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, w := range rec.writes {
		seen[w] = true
	}
	for g := range 8 {
		for i := range 100 {
			line := fmt.Sprintf("level=info msg=\"tick\" user=%d duration_ms=%d\n", g, i)
			if !seen[line] {
				t.Fatalf("8 goroutines logging 100 lines each: the line %q is missing or garbled (%d writes). Each call needs a buffer of its own from the pool", line, len(rec.writes))
			}
		}
	}
	if len(rec.writes) != 800 {
		t.Fatalf("8 goroutines logging 100 lines each: %d writes, want 800", len(rec.writes))
	}
}

func TestLogAllocations(t *testing.T) {
	l := New(io.Discard)
	allocs := testing.AllocsPerRun(1000, func() { l.Log(testFailed) })
	if allocs > 0 {
		t.Errorf("Log makes %.0f allocations per call, budget 0: take a *bytes.Buffer from bufPool (Get), Reset it, and Put it back when the line is written. Put a pointer: putting a bytes.Buffer or a []byte into the pool copies it into an interface, an allocation of its own", allocs)
	}
}

func TestEncodeAllocations(t *testing.T) {
	allocs := testing.AllocsPerRun(1000, func() { Encode(testFailed) })
	if allocs > 1 {
		t.Errorf("Encode makes %.0f allocations per call, budget 1 (the copy it returns): take the buffer from bufPool and Put it back", allocs)
	}
}
