package relay

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

// testStart calls Run in a new goroutine; the returned channel is closed when
// Run returns.
func testStart(done <-chan struct{}, in <-chan string, out chan<- string) <-chan struct{} {
	returned := make(chan struct{})
	go func() {
		defer close(returned)
		Run(done, in, out)
	}()
	return returned
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

// testOutClosed tells whether out is closed (and empty) right now.
func testOutClosed(out <-chan string) bool {
	select {
	case _, ok := <-out:
		return !ok
	default:
		return false
	}
}

// testOddMoment is a little more than a second, a prime number of nanoseconds,
// so that done is never closed at the very moment a timer of a polling
// solution (every 10ms, say) fires.
const testOddMoment = 1_000_000_007 * time.Nanosecond

// testDrain receives from out until it is closed, giving up after an hour of
// fake time without a value or a close.
func testDrain(t *testing.T, out <-chan string) []string {
	t.Helper()
	var got []string
	for {
		select {
		case v, ok := <-out:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-time.After(time.Hour):
			t.Fatalf("after %q, out was still open an hour after Run should have returned: Run must close out when it returns", got)
		}
	}
}

// testFeed sends values on a new channel, one per second, then closes it; it
// gives up early when stop is closed.
func testFeed(stop <-chan struct{}, values ...string) <-chan string {
	in := make(chan string)
	go func() {
		defer close(in)
		for _, v := range values {
			select {
			case <-time.After(time.Second):
			case <-stop:
				return
			}
			select {
			case in <- v:
			case <-stop:
				return
			}
		}
	}()
	return in
}

func TestRunForwardsUntilInCloses(t *testing.T) {
	tests := []struct {
		name   string
		values []string
	}{
		{"in closed at once", nil},
		{"one value", []string{"a"}},
		{"several values", []string{"GET /", "POST /login", "", "GET /health"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				stop := make(chan struct{})
				defer close(stop)
				done := make(chan struct{})
				out := make(chan string)
				returned := testStart(done, testFeed(stop, tt.values...), out)
				got := testDrain(t, out)
				if !slices.Equal(got, tt.values) {
					t.Errorf("Run forwarded %q, want %q in that order", got, tt.values)
				}
				if !testHasReturned(returned) {
					t.Errorf("Run closed out but did not return")
				}
			})
		})
	}
}

func TestRunStopsWhileWaitingToReceive(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		done := make(chan struct{})
		in := make(chan string) // nothing ever arrives
		out := make(chan string)
		returned := testStart(done, in, out)
		time.Sleep(testOddMoment)
		close(done)
		if !testHasReturned(returned) {
			close(in) // let Run finish
			<-returned
			t.Fatalf("done was closed while Run waited to receive from in, and Run did not return right then: wait for done and in in one select (no polling)")
		}
		if !testOutClosed(out) {
			t.Errorf("Run returned after done was closed, but out is not closed: close out whenever Run returns (defer close(out))")
		}
	})
}

func TestRunStopsWhileWaitingToSend(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		done := make(chan struct{})
		in := make(chan string, 2)
		in <- "a"
		in <- "b"
		out := make(chan string) // nobody reads it
		returned := testStart(done, in, out)
		time.Sleep(testOddMoment)
		close(done)
		if !testHasReturned(returned) {
			close(in)
			for range out { // let Run finish
			}
			t.Fatalf("done was closed while Run waited to send on out (nobody was reading), and Run did not return right then: the send needs a select with done too")
		}
		if !testOutClosed(out) {
			t.Errorf("Run returned after done was closed, but out is not closed: close out whenever Run returns (defer close(out))")
		}
	})
}

func TestRunStopsMidStream(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		stop := make(chan struct{})
		stopFeed := sync.OnceFunc(func() { close(stop) })
		defer stopFeed()
		done := make(chan struct{})
		out := make(chan string)
		returned := testStart(done, testFeed(stop, "v1", "v2", "v3", "v4", "v5", "v6"), out)
		var got []string
		for range 3 {
			got = append(got, <-out)
		}
		time.Sleep(testOddMoment / 2)
		close(done) // the reader lost interest after three values
		if !testHasReturned(returned) {
			t.Errorf("Run did not return right when done was closed after three values")
			stopFeed()
			for range out { // let Run finish
			}
			return
		}
		got = append(got, testDrain(t, out)...)
		if want := []string{"v1", "v2", "v3"}; !slices.Equal(got, want) {
			t.Errorf("Run forwarded %q before stopping, want %q", got, want)
		}
	})
}

func TestRunDoneAlreadyClosed(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		done := make(chan struct{})
		close(done)
		in := make(chan string)
		out := make(chan string)
		returned := testStart(done, in, out)
		if !testHasReturned(returned) {
			close(in)
			<-returned
			t.Fatalf("Run was started with done already closed and did not return at once")
		}
		if !testOutClosed(out) {
			t.Errorf("Run returned, but out is not closed")
		}
	})
}
