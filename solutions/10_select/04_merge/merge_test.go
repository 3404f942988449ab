package merge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// runBubble runs f in a synctest bubble: time is fake (waits are instant and
// exact), and goroutines still blocked when f ends are reported as a leak.
func runBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		msg := fmt.Sprint(r)
		switch {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("a goroutine was still blocked after the test ended (a goroutine leak): when both inputs are closed, Merge's goroutine must close out and return")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// timed is a value and the moment (since the test started) it is sent.
type timed struct {
	at time.Duration
	v  string
}

func (x timed) String() string { return fmt.Sprintf("%q@%v", x.v, x.at) }

// show prints a list of arrivals, shortened when it is long.
func show(xs []timed) string {
	if len(xs) <= 8 {
		return fmt.Sprint(xs)
	}
	return fmt.Sprintf("%v ... (%d values)", xs[:8], len(xs))
}

// input sends each value at its moment on a new unbuffered channel, and
// closes the channel at closeAt. It gives up when stop is closed.
func input(start time.Time, stop <-chan struct{}, values []timed, closeAt time.Duration) <-chan string {
	ch := make(chan string)
	wait := func(at time.Duration) bool {
		select {
		case <-time.After(time.Until(start.Add(at))):
			return true
		case <-stop:
			return false
		}
	}
	go func() {
		for _, x := range values {
			if !wait(x.at) {
				return
			}
			select {
			case ch <- x.v:
			case <-stop:
				return
			}
		}
		if wait(closeAt) {
			close(ch)
		}
	}()
	return ch
}

// collect receives from out until it is closed and records when each value
// arrived. It stops after limit values (something is wrong then), and gives
// up when out stays silent and open for an hour.
func collect(t *testing.T, start time.Time, out <-chan string, limit int) (got []timed, closedAt time.Duration) {
	t.Helper()
	if out == nil {
		t.Fatalf("Merge returned a nil channel")
	}
	for {
		select {
		case v, ok := <-out:
			now := time.Since(start)
			if !ok {
				return got, now
			}
			got = append(got, timed{now, v})
			if len(got) > limit {
				t.Fatalf("Merge sent more values than its inputs did: %s; after an input is closed, stop receiving from it (set it to nil)", show(got))
			}
		case <-time.After(time.Hour):
			t.Fatalf("after %s, out was still open an hour after both inputs were closed: close out once both are closed", show(got))
		}
	}
}

func sortTimed(xs []timed) []timed {
	return slices.SortedFunc(slices.Values(xs), func(x, y timed) int {
		return cmp.Or(cmp.Compare(x.at, y.at), strings.Compare(x.v, y.v))
	})
}

func TestMerge(t *testing.T) {
	s := time.Second
	tests := []struct {
		name           string
		a, b           []timed
		aClose, bClose time.Duration
	}{
		{"both closed at once", nil, nil, 0, 0},
		{"values interleaved", []timed{{3 * s, "a1"}, {5 * s, "a2"}}, []timed{{1 * s, "b1"}, {4 * s, "b2"}}, 10 * s, 6 * s},
		{"only a sends", []timed{{1 * s, "a1"}, {2 * s, "a2"}}, nil, 3 * s, 1 * s},
		{"a closed at once, b goes on", nil, []timed{{1 * s, "b1"}, {2 * s, "b2"}, {3 * s, "b3"}}, 0, 4 * s},
		{"b closed early, a goes on for long", []timed{{time.Minute, "late"}}, []timed{{1 * s, "early"}}, time.Hour, 2 * s},
		{"empty strings are values too", []timed{{1 * s, ""}}, []timed{{2 * s, ""}}, 3 * s, 3 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runBubble(t, func(t *testing.T) {
				start := time.Now()
				stop := make(chan struct{})
				defer close(stop)
				a := input(start, stop, tt.a, tt.aClose)
				b := input(start, stop, tt.b, tt.bClose)
				got, closedAt := collect(t, start, Merge(a, b), len(tt.a)+len(tt.b))
				want := sortTimed(append(slices.Clone(tt.a), tt.b...))
				if !slices.Equal(sortTimed(got), want) {
					t.Errorf("Merge delivered %s, want %s (value@when it arrived): forward each value the moment it arrives, from either input", show(got), show(want))
				}
				if wantClose := max(tt.aClose, tt.bClose); closedAt != wantClose {
					t.Errorf("out was closed at %v, want %v (when the second input was closed)", closedAt, wantClose)
				}
			})
		})
	}
}

func TestMergeManyValues(t *testing.T) {
	runBubble(t, func(t *testing.T) {
		start := time.Now()
		stop := make(chan struct{})
		defer close(stop)
		var as, bs []timed
		for i := range 100 {
			as = append(as, timed{time.Duration(2*i+1) * time.Millisecond, fmt.Sprintf("a%d", i)})
			bs = append(bs, timed{time.Duration(3*i+1) * time.Millisecond, fmt.Sprintf("b%d", i)})
		}
		got, _ := collect(t, start, Merge(input(start, stop, as, time.Second), input(start, stop, bs, time.Second)), 200)
		var fromA, fromB []string
		for _, x := range got {
			if strings.HasPrefix(x.v, "a") {
				fromA = append(fromA, x.v)
			} else {
				fromB = append(fromB, x.v)
			}
		}
		for _, in := range []struct {
			name     string
			sent     []timed
			received []string
		}{{"a", as, fromA}, {"b", bs, fromB}} {
			var want []string
			for _, x := range in.sent {
				want = append(want, x.v)
			}
			if !slices.Equal(in.received, want) {
				t.Errorf("from input %s, Merge delivered %d values %q..., want all %d in the order they were sent", in.name, len(in.received), in.received[:min(5, len(in.received))], len(want))
			}
		}
	})
}
