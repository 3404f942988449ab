package mailbox

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// testRunBubble runs f in a synctest bubble, where synctest.Wait tells whether a
// goroutine is blocked, and goroutines still blocked when f ends are
// reported instead of crashing the tests.
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
			t.Fatalf("a Post or Take was still blocked when the test ended (see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked waiting for another one (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testCall runs f in a new goroutine and returns a channel closed when f returns.
func testCall(f func()) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	return done
}

// testReturned tells whether a call has returned once every goroutine of the
// bubble is blocked or finished (synctest.Wait): if it has not, it is
// blocked for good.
func testReturned(done <-chan struct{}) bool {
	synctest.Wait()
	select {
	case <-done:
		return true
	default:
		return false
	}
}

func testCheckCounts(t *testing.T, m *Mailbox, when string, pending, capacity int) {
	t.Helper()
	if got := m.Pending(); got != pending {
		t.Errorf("%s: Pending() = %d, want %d", when, got, pending)
	}
	if got := m.Capacity(); got != capacity {
		t.Errorf("%s: Capacity() = %d, want %d", when, got, capacity)
	}
}

func TestPostWaitsOnlyWhenFull(t *testing.T) {
	for _, capacity := range []int{1, 3, 10} {
		t.Run(fmt.Sprintf("capacity %d", capacity), func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				m := New(capacity)
				testCheckCounts(t, m, fmt.Sprintf("New(%d)", capacity), 0, capacity)
				for i := range capacity {
					msg := fmt.Sprintf("msg%d", i)
					if !testReturned(testCall(func() { m.Post(msg) })) {
						m.Take() // let the blocked Post finish
						t.Fatalf("New(%d): Post(%q) with %d message(s) in the mailbox did not return without a Take: a buffered channel has room for %d value(s) before a send waits", capacity, msg, i, capacity)
					}
				}
				testCheckCounts(t, m, fmt.Sprintf("New(%d) after %d Posts", capacity, capacity), capacity, capacity)

				last := testCall(func() { m.Post("one too many") })
				if testReturned(last) {
					t.Fatalf("New(%d): Post on a full mailbox (holding %d, capacity %d) returned at once; it must wait until a Take makes room", capacity, capacity, capacity)
				}
				if got := m.Take(); got != "msg0" {
					t.Errorf("New(%d): first Take() = %q, want %q (first in, first out)", capacity, got, "msg0")
				}
				if !testReturned(last) {
					t.Fatalf("New(%d): the waiting Post did not finish after a Take made room", capacity)
				}
				testCheckCounts(t, m, fmt.Sprintf("New(%d), full again", capacity), capacity, capacity)
				var got []string
				for range capacity {
					got = append(got, m.Take())
				}
				var want []string
				for i := 1; i < capacity; i++ {
					want = append(want, fmt.Sprintf("msg%d", i))
				}
				want = append(want, "one too many")
				if !slices.Equal(got, want) {
					t.Errorf("New(%d): the remaining Takes returned %q, want %q (first in, first out)", capacity, got, want)
				}
				testCheckCounts(t, m, fmt.Sprintf("New(%d) emptied", capacity), 0, capacity)
			})
		})
	}
}

func TestTakeWaitsWhenEmpty(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		m := New(2)
		var got string
		take := testCall(func() { got = m.Take() })
		if testReturned(take) {
			t.Fatalf("Take on an empty mailbox returned %q at once; it must wait for a Post", got)
		}
		m.Post("hello")
		if !testReturned(take) {
			t.Fatalf("Take did not return after a Post")
		}
		if got != "hello" {
			t.Errorf("Take() = %q, want %q", got, "hello")
		}
	})
}

func TestZeroCapacity(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		m := New(0)
		testCheckCounts(t, m, "New(0)", 0, 0)
		post := testCall(func() { m.Post("hand over") })
		if testReturned(post) {
			t.Fatalf("New(0): Post returned without a Take; with no room, every Post must wait for a Take (an unbuffered channel)")
		}
		testCheckCounts(t, m, "New(0) with a Post waiting", 0, 0)
		if got := m.Take(); got != "hand over" {
			t.Errorf("New(0): Take() = %q, want %q", got, "hand over")
		}
		if !testReturned(post) {
			t.Fatalf("New(0): the waiting Post did not finish after a Take")
		}
	})
}

func TestManyGoroutines(t *testing.T) {
	m := New(5)
	const producers, each = 8, 100
	var wg sync.WaitGroup
	for p := range producers {
		wg.Go(func() {
			for i := range each {
				m.Post(fmt.Sprintf("p%d-%d", p, i))
			}
		})
	}
	seen := map[string]int{}
	for range producers * each {
		seen[m.Take()]++
	}
	wg.Wait()
	if len(seen) != producers*each {
		t.Fatalf("%d goroutines each Posted %d messages, but %d different messages were taken, want %d", producers, each, len(seen), producers*each)
	}
	for msg, n := range seen {
		if n != 1 {
			t.Fatalf("message %q was taken %d times, want once", msg, n)
		}
	}
	testCheckCounts(t, m, "after every message was taken", 0, 5)
}
