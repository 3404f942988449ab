package gather

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake (sleeps are instant and
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
			t.Fatalf("goroutines were still blocked when the test ended (a goroutine leak, see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testSource returns a source that sends items, waiting d before each one.
func testSource(d time.Duration, items ...string) func(out chan string) {
	return func(out chan string) {
		for _, it := range items {
			time.Sleep(d)
			out <- it
		}
	}
}

// testDrain receives from ch until it is closed. It gives up (and fails the
// test) if the channel stays open for an hour of fake time after the last
// value, much longer than any source here takes.
func testDrain(t *testing.T, ch chan string) []string {
	t.Helper()
	var got []string
	for {
		select {
		case it, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, it)
		case <-time.After(time.Hour):
			t.Fatalf("after receiving %q, the channel was still open an hour after every source had returned: close it once the last source is done, or a range over it never ends", got)
		}
	}
}

// TestGatherClosesAfterTheLastSource runs first: one source returns at once
// while another is still running; the channel must stay open for it.
func TestGatherClosesAfterTheLastSource(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		release := make(chan struct{})
		out := Gather([]func(chan string){
			func(out chan string) {}, // done at once, sends nothing
			func(out chan string) { // still running until released
				<-release
				out <- "late"
			},
		})
		synctest.Wait() // every goroutine has run as far as it can
		select {
		case it, ok := <-out:
			if !ok {
				t.Errorf("Gather closed the channel when the first source returned, while another source was still running. Now that source sends on the closed channel, which panics:")
				close(release)
				synctest.Wait()
				return
			}
			t.Errorf("received %q before any source sent it", it)
		default: // still open, nothing sent yet: right
		}
		close(release)
		if got := testDrain(t, out); !slices.Equal(got, []string{"late"}) {
			t.Errorf("Gather delivered %q, want [\"late\"]", got)
		}
	})
}

func TestGather(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		name    string
		sources []func(out chan string)
		want    []string
	}{
		{"no sources", nil, nil},
		{"one source", []func(chan string){testSource(ms, "a", "b", "c")}, []string{"a", "b", "c"}},
		{"one source sends nothing", []func(chan string){testSource(ms)}, nil},
		{"three sources", []func(chan string){
			testSource(10*ms, "a1", "a2"),
			testSource(3*ms, "b1", "b2", "b3", "b4"),
			testSource(7*ms, "c1"),
		}, []string{"a1", "a2", "b1", "b2", "b3", "b4", "c1"}},
		{"a slow source and a quick one", []func(chan string){
			testSource(0, "quick"),
			testSource(time.Minute, "slow1", "slow2"),
		}, []string{"quick", "slow1", "slow2"}},
		{"same item from several sources", []func(chan string){
			testSource(ms, "x"), testSource(ms, "x"), testSource(2*ms, "x", "y"),
		}, []string{"x", "x", "x", "y"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				got := testDrain(t, Gather(tt.sources))
				if !slices.Equal(slices.Sorted(slices.Values(got)), tt.want) {
					t.Errorf("Gather (%s) delivered %q, want %q in any order", tt.name, got, tt.want)
				}
			})
		})
	}
}

func TestGatherReturnsAtOnce(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		var out chan string
		returned := make(chan struct{})
		go func() {
			out = Gather([]func(chan string){testSource(0, "a", "b"), testSource(0, "c")})
			close(returned)
		}()
		synctest.Wait() // every goroutine has run as far as it can
		select {
		case <-returned:
		default:
			t.Fatalf("Gather did not return while its sources were waiting to send: return the channel at once, so that the caller can receive, and close it from a separate goroutine once the sources are done")
		}
		if got := testDrain(t, out); len(got) != 3 {
			t.Errorf("Gather delivered %q, want the 3 items \"a\", \"b\", \"c\"", got)
		}
	})
}

// testFeed sends items on a new unbuffered channel, pausing between them, then
// closes it.
func testFeed(items ...string) chan string {
	ch := make(chan string)
	go func() {
		for _, it := range items {
			time.Sleep(time.Second)
			ch <- it
		}
		close(ch)
	}()
	return ch
}

func TestCount(t *testing.T) {
	tests := []struct {
		name  string
		items []string
		want  map[string]int
	}{
		{"closed at once", nil, map[string]int{}},
		{"one item", []string{"go"}, map[string]int{"go": 1}},
		{"repeats", []string{"go", "rust", "go", "zig", "go", "rust"}, map[string]int{"go": 3, "rust": 2, "zig": 1}},
		{"empty string is an item too", []string{"", "a", ""}, map[string]int{"": 2, "a": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				got := Count(testFeed(tt.items...))
				if !maps.Equal(got, tt.want) {
					t.Errorf("Count of %q then close = %v, want %v", tt.items, got, tt.want)
				}
			})
		})
	}
}

func TestCountWaitsForClose(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		items := make(chan string)
		var got map[string]int
		done := make(chan struct{})
		go func() {
			got = Count(items)
			close(done)
		}()
		for _, it := range []string{"a", "b"} {
			select {
			case items <- it:
			case <-done:
				t.Fatalf("Count returned %v before the channel was closed: keep receiving until it is closed", got)
			}
		}
		synctest.Wait()
		select {
		case <-done:
			t.Fatalf("Count returned %v while the channel was still open: keep receiving until it is closed", got)
		default:
		}
		close(items)
		<-done
		if want := map[string]int{"a": 1, "b": 1}; !maps.Equal(got, want) {
			t.Errorf("Count = %v, want %v", got, want)
		}
	})
}

func TestGatherThenCount(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		got := Count(Gather([]func(chan string){
			testSource(time.Millisecond, "GET", "POST", "GET"),
			testSource(2*time.Millisecond, "GET", "DELETE"),
		}))
		if want := map[string]int{"GET": 3, "POST": 1, "DELETE": 1}; !maps.Equal(got, want) {
			t.Errorf("Count(Gather(...)) = %v, want %v", got, want)
		}
	})
}
