package pubsub

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// testBubble runs f in a synctest bubble: time is fake (sleeps and timeouts
// pass at once, exactly), and goroutines still blocked when f ends are a
// leak. The bubble's reports become ordinary failures that say so.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked and would never exit (one waiting for a subscriber's ctx, kept after the subscription ended?)")
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked (a Publish waiting for a subscriber that does not read? a subscriber ranging over a channel that is never closed?)")
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testDrain receives what is waiting in ch, and reports whether ch is
// closed, once everything has settled.
func testDrain(ch <-chan string) (got []string, closed bool) {
	synctest.Wait()
	for {
		select {
		case m, ok := <-ch:
			if !ok {
				return got, true
			}
			got = append(got, m)
		default:
			return got, false
		}
	}
}

func TestPublishReachesEverySubscriber(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		b := NewBroker[string]()
		s1, s2 := b.Subscribe(ctx, 10), b.Subscribe(ctx, 10)
		for _, m := range []string{"a", "b", "c"} {
			if n := b.Publish(m); n != 2 {
				t.Errorf("Publish(%q) with 2 subscribers returned %d, want 2", m, n)
			}
		}
		for i, s := range []<-chan string{s1, s2} {
			if got, _ := testDrain(s); !slices.Equal(got, []string{"a", "b", "c"}) {
				t.Errorf("subscriber %d received %v, want [a b c]", i+1, got)
			}
		}
	})
}

func TestSubscribeGetsOnlyLaterMessages(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		b := NewBroker[string]()
		if n := b.Publish("early"); n != 0 {
			t.Errorf("Publish with no subscribers returned %d, want 0", n)
		}
		s := b.Subscribe(ctx, 10)
		b.Publish("late")
		if got, _ := testDrain(s); !slices.Equal(got, []string{"late"}) {
			t.Errorf("published %q, subscribed, published %q: the subscriber received %v, want [late]", "early", "late", got)
		}
	})
}

// TestSlowSubscriberDoesNotBlock has a subscriber that never reads: the
// publisher must not wait for it, and the other subscriber still gets
// everything.
func TestSlowSubscriberDoesNotBlock(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		b := NewBroker[string]()
		slow := b.Subscribe(ctx, 1)
		fast := b.Subscribe(ctx, 10)
		done := make(chan []int, 1)
		go func() {
			var counts []int
			for _, m := range []string{"1", "2", "3"} {
				counts = append(counts, b.Publish(m))
			}
			done <- counts
		}()
		synctest.Wait()
		select {
		case counts := <-done:
			if !slices.Equal(counts, []int{2, 1, 1}) {
				t.Errorf("a subscriber with buffer 1 that never reads, and one with buffer 10: Publish returned %v, want [2 1 1]", counts)
			}
		default:
			t.Errorf("Publish blocked on a subscriber whose buffer is full: one slow subscriber must not stop every publisher; skip it (select with default)")
			for { // read for the slow subscriber until the publisher is done
				select {
				case <-slow:
					continue
				case <-done:
				}
				return
			}
		}
		if got, _ := testDrain(slow); !slices.Equal(got, []string{"1"}) {
			t.Errorf("the slow subscriber (buffer 1) received %v, want [1]", got)
		}
		if got, _ := testDrain(fast); !slices.Equal(got, []string{"1", "2", "3"}) {
			t.Errorf("the other subscriber received %v, want [1 2 3]", got)
		}
	})
}

// TestSubscriberLeaves cancels one subscriber's context.
func TestSubscriberLeaves(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := NewBroker[string]()
		stay, stop := context.WithCancel(context.Background())
		defer stop()
		leave, cancel := context.WithCancel(context.Background())
		s1 := b.Subscribe(stay, 10)
		s2 := b.Subscribe(leave, 10)
		b.Publish("before")
		cancel()
		synctest.Wait()
		if n := b.Publish("after"); n != 1 {
			t.Errorf("one of 2 subscribers left (its ctx was cancelled); Publish returned %d, want 1", n)
		}
		got, closed := testDrain(s2)
		if !slices.Equal(got, []string{"before"}) {
			t.Errorf("the subscriber that left received %v, want [before]", got)
		}
		if !closed {
			t.Errorf("the subscriber's ctx was cancelled, but its channel is still open: close it when the subscription ends, so a range over it stops")
		}
		if got, _ := testDrain(s1); !slices.Equal(got, []string{"before", "after"}) {
			t.Errorf("the subscriber that stayed received %v, want [before after]", got)
		}
	})
}

func TestSubscribeWithEndedContext(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := NewBroker[string]()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		s := b.Subscribe(ctx, 1)
		synctest.Wait()
		if n := b.Publish("x"); n != 0 {
			t.Errorf("Subscribe with a ctx that had already ended, then Publish: %d subscribers received it, want 0", n)
		}
		if _, closed := testDrain(s); !closed {
			t.Errorf("Subscribe with a ctx that had already ended: the channel is still open, want it closed")
		}
	})
}

// TestClose closes a broker whose subscribers' contexts never end: every
// subscription must end anyway, and nothing may be left waiting.
func TestClose(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := NewBroker[string]()
		s1 := b.Subscribe(context.Background(), 10)
		s2 := b.Subscribe(context.Background(), 10)
		b.Publish("x")
		b.Close()
		for i, s := range []<-chan string{s1, s2} {
			if got, closed := testDrain(s); !closed || !slices.Equal(got, []string{"x"}) {
				t.Errorf("after Close, subscriber %d received %v (closed: %v), want [x] and its channel closed", i+1, got, closed)
			}
		}
		if n := b.Publish("y"); n != 0 {
			t.Errorf("Publish after Close returned %d, want 0", n)
		}
		if _, closed := testDrain(b.Subscribe(context.Background(), 1)); !closed {
			t.Errorf("Subscribe after Close returned an open channel, want a closed one")
		}
		b.Close() // a second Close must be harmless
	})
}

// TestCtxEndsAfterClose ends a subscriber's ctx after Close has already
// closed its channel: that subscription is over, and nothing may close the
// channel a second time (a panic) or still deliver to it.
func TestCtxEndsAfterClose(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := NewBroker[string]()
		ctx, cancel := context.WithCancel(context.Background())
		s := b.Subscribe(ctx, 1)
		b.Close()
		if _, closed := testDrain(s); !closed {
			t.Fatalf("Subscribe(ctx), then Close: the channel is still open, want it closed")
		}
		lateCtx, lateCancel := context.WithCancel(context.Background())
		late := b.Subscribe(lateCtx, 1)
		t.Log("Subscribe(ctx), Close, Subscribe(ctx2) on the closed broker: now cancelling ctx and ctx2, after Close")
		cancel()
		lateCancel()
		synctest.Wait()
		if _, closed := testDrain(s); !closed {
			t.Errorf("Subscribe(ctx), Close, then ctx cancelled: the channel is open again, want it closed")
		}
		if _, closed := testDrain(late); !closed {
			t.Errorf("Subscribe(ctx2) after Close, then ctx2 cancelled: the channel is open, want it closed")
		}
		if n := b.Publish("x"); n != 0 {
			t.Errorf("Subscribe(ctx), Close, ctx cancelled, then Publish: it returned %d, want 0", n)
		}
	})
}

// TestConcurrentUse publishes, subscribes and leaves from many goroutines
// at once. The tests run with -race.
func TestConcurrentUse(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		b := NewBroker[string]()
		var wg sync.WaitGroup
		for p := range 4 {
			wg.Go(func() {
				for i := range 50 {
					b.Publish(fmt.Sprintf("p%d-%d", p, i))
				}
			})
		}
		for range 8 {
			wg.Go(func() {
				ctx, cancel := context.WithCancel(context.Background())
				s := b.Subscribe(ctx, 5)
				for range 3 {
					select {
					case <-s:
					default:
					}
				}
				cancel()
				for range s { // ends when the subscription is closed
				}
			})
		}
		wg.Wait()
		b.Close()
	})
}
