package telemetry

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
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
			t.Fatalf("an Offer or Poll was still blocked when the test ended (see the failures above)")
		case strings.HasPrefix(msg, "deadlock"):
			t.Fatalf("deadlock: every goroutine was blocked, so some Offer or Poll waited; they must never wait (%v)", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testOffer calls b.Offer in a new goroutine and reports whether it returned
// without waiting, and what it returned. If it is stuck, a Poll frees it.
func testOffer(b *Buffer, line string) (ok, returned bool) {
	done := make(chan bool, 1)
	go func() { done <- b.Offer(line) }()
	synctest.Wait() // run every goroutine as far as it can
	select {
	case ok = <-done:
		return ok, true
	default:
		go b.Poll() // free the stuck Offer, so that it does not leak
		return false, false
	}
}

// testPoll calls b.Poll in a new goroutine and reports whether it returned
// without waiting, and what it returned. If it is stuck, an Offer frees it.
func testPoll(b *Buffer) (line string, ok, returned bool) {
	type result struct {
		line string
		ok   bool
	}
	done := make(chan result, 1)
	go func() {
		line, ok := b.Poll()
		done <- result{line, ok}
	}()
	synctest.Wait()
	select {
	case r := <-done:
		return r.line, r.ok, true
	default:
		go b.Offer("")
		return "", false, false
	}
}

func TestOfferDropsWhenFull(t *testing.T) {
	for _, size := range []int{1, 3} {
		t.Run(fmt.Sprintf("size %d", size), func(t *testing.T) {
			testRunBubble(t, func(t *testing.T) {
				b := NewBuffer(size)
				for i := range size + 2 {
					line := fmt.Sprintf("line %d", i+1)
					ok, returned := testOffer(b, line)
					if !returned {
						t.Fatalf("NewBuffer(%d): Offer(%q) with %d line(s) in the buffer waited; it must never wait (select with default)", size, line, min(i, size))
					}
					if want := i < size; ok != want {
						t.Errorf("NewBuffer(%d): Offer(%q) with %d line(s) in the buffer = %v, want %v", size, line, min(i, size), ok, want)
					}
				}
				if got := b.Dropped(); got != 2 {
					t.Errorf("NewBuffer(%d): after %d Offers, Dropped() = %d, want 2", size, size+2, got)
				}
				var got []string
				for range size {
					line, ok, returned := testPoll(b)
					if !returned || !ok {
						t.Fatalf("NewBuffer(%d): Poll() on a buffer holding lines = %q, %v (returned: %v), want the oldest line and true", size, line, ok, returned)
					}
					got = append(got, line)
				}
				var want []string
				for i := range size {
					want = append(want, fmt.Sprintf("line %d", i+1))
				}
				if !slices.Equal(got, want) {
					t.Errorf("NewBuffer(%d): Poll returned %q, want %q (the first lines, oldest first; the last ones were dropped)", size, got, want)
				}
			})
		})
	}
}

func TestPollEmpty(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := NewBuffer(4)
		line, ok, returned := testPoll(b)
		if !returned {
			t.Fatalf("Poll() on an empty buffer waited; it must return \"\", false at once (select with default)")
		}
		if line != "" || ok {
			t.Errorf("Poll() on an empty buffer = %q, %v, want \"\", false", line, ok)
		}
		b.Offer("x")
		if line, ok, _ := testPoll(b); line != "x" || !ok {
			t.Errorf("Poll() after Offer(\"x\") = %q, %v, want \"x\", true", line, ok)
		}
		if line, ok, _ := testPoll(b); line != "" || ok {
			t.Errorf("Poll() on a buffer emptied again = %q, %v, want \"\", false", line, ok)
		}
	})
}

func TestSizeZero(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		b := NewBuffer(0)
		ok, returned := testOffer(b, "nobody is waiting")
		if !returned {
			t.Fatalf("NewBuffer(0): Offer waited; with no room and nobody receiving, it must drop the line at once")
		}
		if ok {
			t.Errorf("NewBuffer(0): Offer = true, want false: there is no room, and nobody was receiving")
		}
		if got := b.Dropped(); got != 1 {
			t.Errorf("NewBuffer(0): after one Offer, Dropped() = %d, want 1", got)
		}
	})
}

func TestManyHandlersAtOnce(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		const handlers, each, size = 50, 40, 10
		b := NewBuffer(size)
		var accepted atomic.Int64
		var wg sync.WaitGroup
		for h := range handlers {
			wg.Go(func() {
				for i := range each {
					if b.Offer(fmt.Sprintf("h%d-%d", h, i)) {
						accepted.Add(1)
					}
				}
			})
		}
		wg.Wait()
		if got := accepted.Load(); got != size {
			t.Errorf("%d goroutines each Offered %d lines into a NewBuffer(%d) nobody polled: %d Offers returned true, want %d", handlers, each, size, got, size)
		}
		if got, want := b.Dropped(), int64(handlers*each-size); got != want {
			t.Errorf("%d goroutines each Offered %d lines into a NewBuffer(%d) nobody polled: Dropped() = %d, want %d", handlers, each, size, got, want)
		}
	})
}

func TestOfferAndPollAtOnce(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		const handlers, each = 8, 200
		b := NewBuffer(16)
		var accepted, polled atomic.Int64
		var wg sync.WaitGroup
		for h := range handlers {
			wg.Go(func() {
				for i := range each {
					if b.Offer(fmt.Sprintf("h%d-%d", h, i)) {
						accepted.Add(1)
					}
				}
			})
		}
		stop := make(chan struct{})
		shipped := make(chan struct{})
		go func() {
			defer close(shipped)
			for {
				if _, ok := b.Poll(); ok {
					polled.Add(1)
					continue
				}
				select {
				case <-stop:
					return
				default:
				}
			}
		}()
		wg.Wait()
		close(stop)
		<-shipped
		for {
			if _, ok := b.Poll(); !ok {
				break
			}
			polled.Add(1)
		}
		if a, p, d := accepted.Load(), polled.Load(), b.Dropped(); a != p || a+d != handlers*each {
			t.Errorf("%d lines offered while a shipper polled: %d accepted, %d polled, %d dropped; want accepted = polled and accepted + dropped = %d", handlers*each, a, p, d, handlers*each)
		}
	})
}

// testRace starts n goroutines that each call op once, released together
// (each spins until all of them are ready), and reports how many of them
// returned within a second (each call must return at once).
func testRace(n int, op func()) int {
	var ready atomic.Int64
	done := make(chan struct{}, n)
	for range n {
		go func() {
			ready.Add(1)
			for ready.Load() < int64(n) {
				runtime.Gosched()
			}
			op()
			done <- struct{}{}
		}()
	}
	timeout := time.NewTimer(time.Second)
	defer timeout.Stop()
	for returned := 0; returned < n; returned++ {
		select {
		case <-done:
		case <-timeout.C:
			return returned
		}
	}
	return n
}

func TestOffersRacingForTheLastSlot(t *testing.T) {
	const offers = 3
	for round, start := 0, time.Now(); round < 100 || time.Since(start) < 500*time.Millisecond; round++ {
		b := NewBuffer(1)
		if got := testRace(offers, func() { b.Offer("x") }); got != offers {
			t.Fatalf("round %d: %d goroutines Offered a line at the same moment into an empty NewBuffer(1) nobody polled; %d of the Offers had not returned a second later, want every Offer to return at once", round+1, offers, offers-got)
		}
	}
}

func TestPollsRacingForTheLastLine(t *testing.T) {
	const polls = 3
	for round, start := 0, time.Now(); round < 100 || time.Since(start) < 500*time.Millisecond; round++ {
		b := NewBuffer(1)
		b.Offer("x")
		if got := testRace(polls, func() { b.Poll() }); got != polls {
			t.Fatalf("round %d: %d goroutines Polled at the same moment a NewBuffer(1) holding one line; %d of the Polls had not returned a second later, want every Poll to return at once", round+1, polls, polls-got)
		}
	}
}
