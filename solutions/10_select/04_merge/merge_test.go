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

// testRunBubble runs f in a synctest bubble: time is fake (waits are instant and
// exact), and goroutines still blocked when f ends are reported as a leak.
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
			t.Fatalf("a goroutine was still blocked after the test ended (a goroutine leak): when both inputs are closed, Merge's goroutine must close out and return")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testTimed is a value and the moment (since the test started) it is sent.
type testTimed struct {
	at time.Duration
	v  string
}

func (x testTimed) String() string { return fmt.Sprintf("%q@%v", x.v, x.at) }

// testShow prints a list of arrivals, shortened when it is long.
func testShow(xs []testTimed) string {
	if len(xs) <= 8 {
		return fmt.Sprint(xs)
	}
	return fmt.Sprintf("%v ... (%d values)", xs[:8], len(xs))
}

// testInput sends each value at its moment on a new unbuffered channel, and
// closes the channel at closeAt. It gives up when stop is closed.
func testInput(start time.Time, stop <-chan struct{}, values []testTimed, closeAt time.Duration) <-chan string {
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

// testCollect receives from out until it is closed and records when each value
// arrived. It stops after limit values (something is wrong then), and gives
// up when out stays silent and open for an hour.
func testCollect(t *testing.T, start time.Time, out <-chan string, limit int) (got []testTimed, closedAt time.Duration) {
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
			got = append(got, testTimed{now, v})
			if len(got) > limit {
				t.Fatalf("Merge sent more values than its inputs did: %s; after an input is closed, stop receiving from it (set it to nil)", testShow(got))
			}
		case <-time.After(time.Hour):
			t.Fatalf("after %s, out was still open an hour after both inputs were closed: close out once both are closed", testShow(got))
		}
	}
}

func testSortTimed(xs []testTimed) []testTimed {
	return slices.SortedFunc(slices.Values(xs), func(x, y testTimed) int {
		return cmp.Or(cmp.Compare(x.at, y.at), strings.Compare(x.v, y.v))
	})
}

func TestMerge(t *testing.T) {
	s := time.Second
	tests := []struct {
		name           string
		a, b           []testTimed
		aClose, bClose time.Duration
	}{
		{"both closed at once", nil, nil, 0, 0},
		{"values interleaved", []testTimed{{3 * s, "a1"}, {5 * s, "a2"}}, []testTimed{{1 * s, "b1"}, {4 * s, "b2"}}, 10 * s, 6 * s},
		{"only a sends", []testTimed{{1 * s, "a1"}, {2 * s, "a2"}}, nil, 3 * s, 1 * s},
		{"a closed at once, b goes on", nil, []testTimed{{1 * s, "b1"}, {2 * s, "b2"}, {3 * s, "b3"}}, 0, 4 * s},
		{"b closed early, a goes on for long", []testTimed{{time.Minute, "late"}}, []testTimed{{1 * s, "early"}}, time.Hour, 2 * s},
		{"empty strings are values too", []testTimed{{1 * s, ""}}, []testTimed{{2 * s, ""}}, 3 * s, 3 * s},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				start := time.Now()
				stop := make(chan struct{})
				defer close(stop)
				a := testInput(start, stop, tt.a, tt.aClose)
				b := testInput(start, stop, tt.b, tt.bClose)
				got, closedAt := testCollect(t, start, Merge(a, b), len(tt.a)+len(tt.b))
				want := testSortTimed(append(slices.Clone(tt.a), tt.b...))
				if !slices.Equal(testSortTimed(got), want) {
					t.Errorf("Merge delivered %s, want %s (value@when it arrived): forward each value the moment it arrives, from either input", testShow(got), testShow(want))
				}
				if wantClose := max(tt.aClose, tt.bClose); closedAt != wantClose {
					t.Errorf("out was closed at %v, want %v (when the second input was closed)", closedAt, wantClose)
				}
			})
		})
	}
}

func TestMergeManyValues(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		start := time.Now()
		stop := make(chan struct{})
		defer close(stop)
		var as, bs []testTimed
		for i := range 100 {
			as = append(as, testTimed{time.Duration(2*i+1) * time.Millisecond, fmt.Sprintf("a%d", i)})
			bs = append(bs, testTimed{time.Duration(3*i+1) * time.Millisecond, fmt.Sprintf("b%d", i)})
		}
		got, _ := testCollect(t, start, Merge(testInput(start, stop, as, time.Second), testInput(start, stop, bs, time.Second)), 200)
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
			sent     []testTimed
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
