package heartbeat

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (waits are instant and
// exact), and goroutines still running when f ends are reported as a leak.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutines started by the test or by Run were still blocked when the test ended, after done was closed (a goroutine leak, see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testBeat is one call of the beat function: its number and when it started.
type testBeat struct {
	n  int
	at time.Duration
}

func (b testBeat) String() string { return fmt.Sprintf("beat(%d)@%v", b.n, b.at) }

// testMonitor records the beats of one Run.
type testMonitor struct {
	start time.Time
	took  time.Duration // how long each beat takes

	mu    sync.Mutex
	beats []testBeat
}

func (m *testMonitor) beat(n int) {
	m.mu.Lock()
	m.beats = append(m.beats, testBeat{n, time.Since(m.start)})
	m.mu.Unlock()
	time.Sleep(m.took)
}

func (m *testMonitor) got() []testBeat {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.beats)
}

// testShow prints a list of beats, shortened when it is long.
func testShow(bs []testBeat) string {
	if len(bs) <= 6 {
		return fmt.Sprint(bs)
	}
	return fmt.Sprintf("%v ... %v (%d beats)", bs[:3], bs[len(bs)-2:], len(bs))
}

// testGrid returns the beats 1..n expected on an interval grid.
func testGrid(n int, interval time.Duration) []testBeat {
	var bs []testBeat
	for i := 1; i <= n; i++ {
		bs = append(bs, testBeat{i, time.Duration(i) * interval})
	}
	return bs
}

// testHasReturned lets every goroutine of the bubble run as far as it can
// without time passing (synctest.Wait), then tells whether Run returned.
func testHasReturned(returned <-chan struct{}) bool {
	synctest.Wait()
	select {
	case <-returned:
		return true
	default:
		return false
	}
}

func TestRun(t *testing.T) {
	s, ms := time.Second, time.Millisecond
	tests := []struct {
		name      string
		interval  time.Duration
		beatTakes time.Duration
		stopAt    time.Duration
		want      []testBeat
	}{
		{"three beats", s, 0, 3500 * ms, testGrid(3, s)},
		{"slow beats stay on the grid", s, 300 * ms, 3500 * ms, testGrid(3, s)},
		{"beats that take most of the interval", 100 * ms, 90 * ms, 595 * ms, testGrid(5, 100*ms)},
		{"stopped before the first beat", s, 0, 500 * ms, nil},
		{"a thousand beats", s, 0, 1000*s + 500*ms, testGrid(1000, s)},
		{"an hour's interval", time.Hour, 0, 2*time.Hour + time.Minute, testGrid(2, time.Hour)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				m := &testMonitor{start: time.Now(), took: tt.beatTakes}
				done := make(chan struct{})
				returned := make(chan struct{})
				go func() {
					defer close(returned)
					Run(done, tt.interval, m.beat)
				}()
				time.Sleep(tt.stopAt)
				close(done)
				if !testHasReturned(returned) {
					t.Fatalf("Run(interval %v) did not return when done was closed at %v (beats so far: %s): wait for done and the ticker in one select", tt.interval, tt.stopAt, testShow(m.got()))
				}
				if got := m.got(); !slices.Equal(got, tt.want) {
					t.Errorf("Run(interval %v, each beat taking %v), stopped at %v: got %s, want %s (beat(n)@when it started)", tt.interval, tt.beatTakes, tt.stopAt, testShow(got), testShow(tt.want))
				}
			})
		})
	}
}

func TestRunDoneAlreadyClosed(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		m := &testMonitor{start: time.Now()}
		done := make(chan struct{})
		close(done)
		returned := make(chan struct{})
		go func() {
			defer close(returned)
			Run(done, time.Second, m.beat)
		}()
		if !testHasReturned(returned) {
			t.Fatalf("Run was started with done already closed and did not return at once")
		}
		if got := m.got(); len(got) != 0 {
			t.Errorf("Run was started with done already closed and beat anyway: %s", testShow(got))
		}
	})
}

func TestRunStopsDuringBeat(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		m := &testMonitor{start: time.Now(), took: 500 * time.Millisecond}
		done := make(chan struct{})
		returned := make(chan struct{})
		go func() {
			defer close(returned)
			Run(done, time.Second, m.beat)
		}()
		time.Sleep(1200 * time.Millisecond) // beat(1) runs from 1s to 1.5s
		close(done)
		if testHasReturned(returned) {
			t.Fatalf("done was closed at 1.2s while beat(1) ran (until 1.5s), and Run returned at 1.2s, before beat(1) returned: it must not leave a beat running behind it")
		}
		time.Sleep(300 * time.Millisecond) // now 1.5s: beat(1) has just returned
		if !testHasReturned(returned) {
			t.Fatalf("done was closed at 1.2s while beat(1) ran (until 1.5s), and Run did not return when beat(1) returned")
		}
		if got, want := m.got(), testGrid(1, time.Second); !slices.Equal(got, want) {
			t.Errorf("got %s, want %s", testShow(got), testShow(want))
		}
	})
}
