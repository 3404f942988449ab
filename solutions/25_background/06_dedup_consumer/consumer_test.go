package consumer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testLog records what happened, in order: "handled m1", "failed m1",
// "ack m1#2", "nack m1#1" (m1#2 is the second delivery of message m1).
type testLog struct {
	mu     sync.Mutex
	events []string
	acked  map[string]int // by delivery name
	nacked map[string]int
	change chan struct{} // a value after every ack or nack
}

func testNewLog() *testLog {
	return &testLog{acked: map[string]int{}, nacked: map[string]int{}, change: make(chan struct{}, 1000)}
}

// settled reports whether the delivery name was acked or nacked.
func (l *testLog) settled(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.acked[name]+l.nacked[name] > 0
}

func (l *testLog) add(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, s)
}

func (l *testLog) snapshot() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.events)
}

// delivery returns the n-th delivery of message id.
func (l *testLog) delivery(id string, n int) Delivery {
	name := fmt.Sprintf("%s#%d", id, n)
	return Delivery{
		Msg: Message{ID: id, Body: "body of " + id},
		Ack: func() {
			l.mu.Lock()
			l.acked[name]++
			l.events = append(l.events, "ack "+name)
			l.mu.Unlock()
			l.change <- struct{}{}
		},
		Nack: func() {
			l.mu.Lock()
			l.nacked[name]++
			l.events = append(l.events, "nack "+name)
			l.mu.Unlock()
			l.change <- struct{}{}
		},
	}
}

// settledOnce checks that every delivery was acknowledged or nacked, once.
func (l *testLog) settledOnce(t *testing.T, names ...string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, name := range names {
		if a, n := l.acked[name], l.nacked[name]; a+n != 1 {
			t.Errorf("delivery %s was acknowledged %d times and nacked %d times, want exactly one of the two, once", name, a, n)
		}
	}
}

// testHandler fails message id its first fails[id] times and logs every
// call when it returns.
func testHandler(l *testLog, fails map[string]int) func(context.Context, Message) error {
	calls := map[string]int{}
	return func(_ context.Context, m Message) error {
		calls[m.ID]++
		if calls[m.ID] <= fails[m.ID] {
			l.add("failed " + m.ID)
			return errors.New("database unavailable")
		}
		l.add("handled " + m.ID)
		return nil
	}
}

// testRunAll runs one consumer over the given deliveries ("m1#2" is the
// second delivery of m1) and returns the log.
func testRunAll(t *testing.T, fails map[string]int, names ...string) *testLog {
	t.Helper()
	l := testNewLog()
	c := New(testHandler(l, fails))
	ch := make(chan Delivery)
	done := make(chan error)
	go func() { done <- c.Run(t.Context(), ch) }()
	for _, name := range names {
		id, n, _ := strings.Cut(name, "#")
		var k int
		fmt.Sscan(n, &k)
		ch <- l.delivery(id, k)
	}
	close(ch)
	if err := <-done; err != nil {
		t.Fatalf("Run, once its channel was closed = %v, want nil", err)
	}
	l.settledOnce(t, names...)
	return l
}

func TestProcessesOnce(t *testing.T) {
	names := []string{"m1#1", "m2#1", "m1#2", "m3#1", "m2#2", "m1#3"}
	l := testRunAll(t, nil, names...)
	want := []string{
		"handled m1", "ack m1#1",
		"handled m2", "ack m2#1",
		"ack m1#2",
		"handled m3", "ack m3#1",
		"ack m2#2",
		"ack m1#3",
	}
	if got := l.snapshot(); !slices.Equal(got, want) {
		t.Errorf("deliveries %v, every handle succeeding:\n got %q\nwant %q", names, got, want)
	}
}

// TestAckAfterSuccess checks that no delivery is acknowledged before the
// handler has returned nil for it.
func TestAckAfterSuccess(t *testing.T) {
	l := testNewLog()
	early := []string{}
	c := New(func(_ context.Context, m Message) error {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.acked[m.ID+"#1"] > 0 {
			early = append(early, m.ID+"#1")
		}
		return nil
	})
	ch := make(chan Delivery, 3)
	for _, id := range []string{"a", "b", "c"} {
		ch <- l.delivery(id, 1)
	}
	close(ch)
	if err := c.Run(t.Context(), ch); err != nil {
		t.Fatalf("Run, once its channel was closed = %v, want nil", err)
	}
	if len(early) > 0 {
		t.Errorf("deliveries %v were acknowledged before handle returned for them: if the process crashed then, the broker would never deliver them again; acknowledge only after handle succeeded", early)
	}
	l.settledOnce(t, "a#1", "b#1", "c#1")
}

// TestFailureRedelivered makes the first handling of m1 fail.
func TestFailureRedelivered(t *testing.T) {
	names := []string{"m1#1", "m2#1", "m1#2", "m1#3"}
	l := testRunAll(t, map[string]int{"m1": 1}, names...)
	want := []string{
		"failed m1", "nack m1#1",
		"handled m2", "ack m2#1",
		"handled m1", "ack m1#2",
		"ack m1#3",
	}
	got := l.snapshot()
	if !slices.Equal(got, want) {
		t.Errorf("deliveries %v, the first handling of m1 failing:\n got %q\nwant %q", names, got, want)
	}
	switch {
	case slices.Contains(got, "ack m1#1"):
		t.Errorf("handle failed for delivery m1#1, yet it was acknowledged: the message is lost; nack it")
	case slices.Contains(got, "ack m1#2") && !slices.Contains(got, "handled m1"):
		t.Errorf("handle failed for m1#1, and the redelivery m1#2 was acknowledged without calling handle: m1 was never processed; remember a message only after handle succeeded")
	}
}

// TestConcurrentDuplicates runs two consumers' Run on one channel and
// delivers m1 again while the first delivery is still being handled. (Real
// time, not synctest: a goroutine blocked on a sync.Mutex stops fake time.)
func TestConcurrentDuplicates(t *testing.T) {
	l := testNewLog()
	gate := make(chan struct{})
	started := make(chan string, 10)
	c := New(func(_ context.Context, m Message) error {
		started <- m.ID
		if m.ID == "m1" {
			select {
			case <-gate:
			case <-time.After(10 * time.Second):
			}
		}
		l.add("handled " + m.ID)
		return nil
	})
	ch := make(chan Delivery)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			if err := c.Run(t.Context(), ch); err != nil {
				t.Errorf("Run, once its channel was closed = %v, want nil", err)
			}
		})
	}
	ch <- l.delivery("m1", 1)
	<-started // one Run is handling m1, and stays there until the gate opens
	ch <- l.delivery("m1", 2)
	// Wait until m1#2 is settled, or handle starts again, or 2s passed.
	limit := time.After(2 * time.Second)
wait:
	for !l.settled("m1#2") {
		select {
		case <-l.change:
		case <-started:
			break wait
		case <-limit:
			break wait
		}
	}
	close(gate)
	// Wait (up to 10s) until m1#1 is settled, then deliver m1 once more.
	limit = time.After(10 * time.Second)
settle:
	for !l.settled("m1#1") {
		select {
		case <-l.change:
		case <-limit:
			break settle
		}
	}
	ch <- l.delivery("m1", 3)
	close(ch)
	wg.Wait()
	handled := 0
	for _, e := range l.snapshot() {
		if e == "handled m1" {
			handled++
		}
	}
	if handled != 1 {
		t.Errorf("m1 delivered again while another Run was handling it: handle was called %d times for m1, want once", handled)
	}
	l.settledOnce(t, "m1#1", "m1#2", "m1#3")
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.acked["m1#1"] != 1 || l.acked["m1#3"] != 1 {
		t.Errorf("m1#1 (handled) acknowledged %d times, m1#3 (after m1 was processed) %d times; want once each", l.acked["m1#1"], l.acked["m1#3"])
	}
}

// TestRunStops checks how Run ends.
func TestRunStops(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			if strings.Contains(fmt.Sprint(r), "goroutines in bubble are blocked") {
				t.Fatalf("ctx was cancelled, and Run never returned: it waits on the channel alone (select on ctx.Done() too)")
			}
			panic(r)
		}
	}()
	synctest.Test(t, func(t *testing.T) {
		c := New(func(context.Context, Message) error { return nil })
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(5*time.Millisecond, cancel)
		start := time.Now()
		err := c.Run(ctx, make(chan Delivery))
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Run on a channel with nothing to deliver, ctx cancelled at 5ms = %v, want context.Canceled", err)
		}
		if d := time.Since(start); d != 5*time.Millisecond {
			t.Errorf("ctx cancelled at 5ms: Run returned after %v, want 5ms", d)
		}
	})
}
