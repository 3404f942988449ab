package schedule

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time; goroutines still
// blocked when f returns are a leak) and turns its reports into failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: after Every returned, a goroutine it started was still blocked (on a ticker nobody stopped, or a run still going?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Every never returned after ctx ended, and nothing could wake it")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testJob records when each run starts (since the test's start) and how
// many runs are going at once; run n (from 1) takes long[n], or no time.
type testJob struct {
	start     time.Time
	long      map[int]time.Duration
	honorCtx  bool // a long run stops when its context ends
	mu        sync.Mutex
	starts    []time.Duration
	running   int
	maxAtOnce int
	badCtx    int
}

type testKey struct{}

func (j *testJob) run(ctx context.Context) {
	j.mu.Lock()
	j.starts = append(j.starts, time.Since(j.start))
	n := len(j.starts)
	j.running++
	j.maxAtOnce = max(j.maxAtOnce, j.running)
	if ctx.Value(testKey{}) != "caller" {
		j.badCtx++
	}
	j.mu.Unlock()
	if d := j.long[n]; d > 0 {
		if j.honorCtx {
			select {
			case <-time.After(d):
			case <-ctx.Done():
			}
		} else {
			time.Sleep(d)
		}
	}
	j.mu.Lock()
	j.running--
	j.mu.Unlock()
}

// testEvery runs Every(10ms) with a context cancelled at stop, and returns
// when Every returned.
func testEvery(t *testing.T, j *testJob, stop time.Duration) time.Duration {
	t.Helper()
	ctx, cancel := context.WithCancel(context.WithValue(context.Background(), testKey{}, "caller"))
	defer cancel()
	time.AfterFunc(stop, cancel)
	j.start = time.Now()
	Every(ctx, 10*time.Millisecond, j.run)
	returned := time.Since(j.start)
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.running != 0 {
		t.Errorf("Every returned while a run was still going, want it to wait for the run")
	}
	if j.badCtx > 0 {
		t.Errorf("%d runs got a context that does not come from Every's ctx, want ctx", j.badCtx)
	}
	return returned
}

func testMs(ms ...int) string {
	var d []time.Duration
	for _, m := range ms {
		d = append(d, time.Duration(m)*time.Millisecond)
	}
	return fmt.Sprint(d)
}

// TestGrid runs quick jobs every 10ms and stops at 55ms.
func TestGrid(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		j := &testJob{}
		returned := testEvery(t, j, 55*time.Millisecond)
		if got, want := fmt.Sprint(j.starts), testMs(10, 20, 30, 40, 50); got != want {
			t.Errorf("Every(10ms) with instant runs, ctx cancelled at 55ms: runs started at %s, want %s", got, want)
		}
		if returned != 55*time.Millisecond {
			t.Errorf("ctx cancelled at 55ms, no run going: Every returned at %v, want at once, at 55ms", returned)
		}
	})
}

// TestOverrun makes the first run take 25ms.
func TestOverrun(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		j := &testJob{long: map[int]time.Duration{1: 25 * time.Millisecond}}
		testEvery(t, j, 75*time.Millisecond)
		if j.maxAtOnce > 1 {
			t.Errorf("Every(10ms), the run at 10ms taking 25ms: %d runs were going at once, want 1 (runs never overlap)", j.maxAtOnce)
		}
		if got, want := fmt.Sprint(j.starts), testMs(10, 35, 40, 50, 60, 70); got != want {
			t.Errorf("Every(10ms), the run at 10ms taking 25ms, ctx cancelled at 75ms: runs started at %s, want %s (the ticks of 20ms and 30ms make one run as soon as the long one ends, then back on the grid)", got, want)
		}
	})
}

// TestStopDuringRun cancels ctx while a run is going.
func TestStopDuringRun(t *testing.T) {
	for _, c := range []struct {
		name     string
		honorCtx bool
		want     time.Duration
	}{
		{"a run that stops when ctx ends", true, 15 * time.Millisecond},
		{"a run that ignores ctx", false, 40 * time.Millisecond},
	} {
		t.Run(c.name, func(t *testing.T) {
			// When the run returns, both ctx.Done() and a tick are ready, and
			// select picks one at random: repeat, so that a solution that
			// starts a run then is caught every time, not every other time.
			for range 20 {
				testBubble(t, func(t *testing.T) {
					j := &testJob{long: map[int]time.Duration{1: 30 * time.Millisecond}, honorCtx: c.honorCtx}
					returned := testEvery(t, j, 15*time.Millisecond)
					if returned != c.want {
						t.Errorf("Every(10ms), the run at 10ms taking 30ms (%s), ctx cancelled at 15ms: Every returned at %v, want %v", c.name, returned, c.want)
					}
					if got, want := fmt.Sprint(j.starts), testMs(10); got != want {
						t.Errorf("ctx cancelled at 15ms during the first run: runs started at %s, want %s (no run after ctx ended, even when a tick is waiting too)", got, want)
					}
				})
				if t.Failed() {
					return
				}
			}
		})
	}
}
