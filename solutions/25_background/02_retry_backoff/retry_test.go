package retry

import (
	"context"
	"errors"
	"fmt"
	"strings"
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
			t.Fatalf("goroutine leak: when Do returned, a goroutine it started was still blocked")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: Do never returned, and nothing could wake it")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testRands returns a jitter source that yields rs in turn, then the last
// value again, and counts its calls.
func testRands(rs ...float64) (func() float64, *int) {
	calls := new(int)
	return func() float64 {
		r := rs[min(*calls, len(rs)-1)]
		*calls++
		return r
	}, calls
}

// testRecorder is an operation that fails its first fails calls and
// records when each call happened.
type testRecorder struct {
	fails int
	start time.Time
	at    []time.Duration
}

func (r *testRecorder) op(context.Context) error {
	r.at = append(r.at, time.Since(r.start))
	if len(r.at) <= r.fails {
		return fmt.Errorf("failure %d", len(r.at))
	}
	return nil
}

// waits are the times between one call and the next.
func (r *testRecorder) waits() []time.Duration {
	var w []time.Duration
	for i := 1; i < len(r.at); i++ {
		w = append(w, r.at[i]-r.at[i-1])
	}
	return w
}

func testMs(ms ...float64) []time.Duration {
	d := make([]time.Duration, len(ms))
	for i, m := range ms {
		d[i] = time.Duration(m * float64(time.Millisecond))
	}
	return d
}

// testSameWaits compares waits, allowing a microsecond for rounding.
func testSameWaits(got, want []time.Duration) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if diff := got[i] - want[i]; diff < -time.Microsecond || diff > time.Microsecond {
			return false
		}
	}
	return true
}

// TestWaits checks every wait between attempts against d/2 + r·d/2, with
// d = min(Base·2^(n-1), Max).
func TestWaits(t *testing.T) {
	for _, c := range []struct {
		name  string
		rands []float64
		want  []time.Duration
	}{
		{"r = 0 waits half of each delay", []float64{0}, testMs(50, 100, 200, 400, 500, 500)},
		{"r = 0.5 waits three quarters", []float64{0.5}, testMs(75, 150, 300, 600, 750, 750)},
		{"r near 1 waits nearly the whole delay", []float64{0.999}, testMs(99.95, 199.9, 399.8, 799.6, 999.5, 999.5)},
		{"a new r for every wait", []float64{0, 1.0 / 4, 0.5, 0, 0.9, 0.1}, testMs(50, 125, 300, 400, 950, 550)},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				random, calls := testRands(c.rands...)
				p := Policy{Attempts: 7, Base: 100 * time.Millisecond, Max: time.Second, Rand: random}
				rec := &testRecorder{fails: 100, start: time.Now()}
				err := Do(context.Background(), p, rec.op)
				if err == nil {
					t.Fatalf("Do with an operation that always fails = nil, want an error")
				}
				if len(rec.at) != 7 {
					t.Fatalf("Do(Attempts: 7) with an operation that always fails called it %d times, want 7", len(rec.at))
				}
				if got := rec.waits(); !testSameWaits(got, c.want) {
					t.Errorf("Base 100ms, Max 1s, jitter values %v: waits between attempts = %v, want %v", c.rands, got, c.want)
				}
				if *calls != 6 {
					t.Errorf("7 attempts, so 6 waits: the jitter source was called %d times, want once per wait (6)", *calls)
				}
			})
		})
	}
}

// TestCap makes 70 attempts, far more than it takes for Base·2^(n-1) to
// overflow a time.Duration: every wait must stay between Max/2 and Max.
func TestCap(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		random, _ := testRands(0)
		p := Policy{Attempts: 70, Base: time.Second, Max: time.Minute, Rand: random}
		rec := &testRecorder{fails: 100, start: time.Now()}
		Do(context.Background(), p, rec.op)
		if len(rec.at) != 70 {
			t.Fatalf("Do(Attempts: 70) with an operation that always fails called it %d times, want 70", len(rec.at))
		}
		for i, w := range rec.waits() {
			n := i + 1
			want := min(time.Second<<min(n-1, 10), time.Minute) / 2
			if w != want {
				t.Fatalf("Base 1s, Max 1m, r = 0: the wait after attempt %d was %v, want %v (never more than Max, even when Base·2^(n-1) no longer fits in a time.Duration)", n, w, want)
			}
		}
	})
}

// TestResult checks what Do returns and how often it calls op.
func TestResult(t *testing.T) {
	for _, c := range []struct {
		name      string
		attempts  int
		fails     int
		wantCalls int
		wantErr   string // "" for nil
	}{
		{"success at once", 5, 0, 1, ""},
		{"success at the third attempt", 5, 2, 3, ""},
		{"success at the last attempt", 3, 2, 3, ""},
		{"every attempt fails", 3, 100, 3, "failure 3"},
		{"one attempt", 1, 100, 1, "failure 1"},
		{"zero attempts count as one", 0, 100, 1, "failure 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				random, _ := testRands(0)
				p := Policy{Attempts: c.attempts, Base: 10 * time.Millisecond, Max: time.Second, Rand: random}
				rec := &testRecorder{fails: c.fails, start: time.Now()}
				err := Do(context.Background(), p, rec.op)
				call := fmt.Sprintf("Do(Attempts: %d) with an operation that fails %d times", c.attempts, c.fails)
				switch {
				case c.wantErr == "" && err != nil:
					t.Errorf("%s = %v, want nil", call, err)
				case c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)):
					t.Errorf("%s = %v, want the last error, %q (wrapped or not)", call, err, c.wantErr)
				}
				if len(rec.at) != c.wantCalls {
					t.Errorf("%s called it %d times, want %d", call, len(rec.at), c.wantCalls)
				}
				var total time.Duration
				for _, w := range rec.waits() {
					total += w
				}
				if elapsed := time.Since(rec.start); elapsed != total {
					t.Errorf("%s returned %v after the last call, want at once (no wait after the last attempt)", call, elapsed-total)
				}
			})
		})
	}
}

// TestCancel cancels the context in the middle of a wait.
func TestCancel(t *testing.T) {
	t.Run("cancelled during a wait", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			random, _ := testRands(0)
			p := Policy{Attempts: 5, Base: 100 * time.Millisecond, Max: time.Second, Rand: random}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			time.AfterFunc(60*time.Millisecond, cancel) // during the second wait (50ms to 150ms)
			rec := &testRecorder{fails: 100, start: time.Now()}
			err := Do(ctx, p, rec.op)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("ctx cancelled while Do waits: Do = %v, want an error wrapping context.Canceled", err)
			}
			if elapsed := time.Since(rec.start); elapsed != 60*time.Millisecond {
				t.Errorf("ctx cancelled at 60ms, during a wait: Do returned at %v, want at once, at 60ms (wait in a select with ctx.Done(), not time.Sleep)", elapsed)
			}
			if len(rec.at) != 2 {
				t.Errorf("ctx cancelled after the second call: op was called %d times, want 2 (no call once ctx has ended)", len(rec.at))
			}
		})
	})
	t.Run("already cancelled", func(t *testing.T) {
		testBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			rec := &testRecorder{fails: 100, start: time.Now()}
			err := Do(ctx, Policy{Attempts: 3, Base: time.Millisecond, Max: time.Second}, rec.op)
			if !errors.Is(err, context.Canceled) || len(rec.at) != 0 {
				t.Errorf("Do with a cancelled ctx = %v after %d calls of op, want an error wrapping context.Canceled and no call", err, len(rec.at))
			}
		})
	})
}
