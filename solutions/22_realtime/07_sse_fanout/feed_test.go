package fanout

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// testBubble runs f in a synctest bubble and turns the bubble's deadlock and
// leak reports into ordinary failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "blocked goroutines remain") {
				t.Fatalf("when the test ended, a goroutine was still blocked and would never exit (a ServeHTTP whose client had left, still waiting for messages?)")
			}
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("deadlock: every goroutine is blocked (%s)", msg)
			}
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testRecorder is a ResponseWriter that keeps what had been flushed.
type testRecorder struct {
	mu      sync.Mutex
	header  http.Header
	body    bytes.Buffer
	flushed string
}

func (r *testRecorder) Header() http.Header { return r.header }
func (r *testRecorder) WriteHeader(int)     {}

func (r *testRecorder) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.body.Write(p)
}

func (r *testRecorder) Flush() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.flushed = r.body.String()
}

// testMessages returns the data of the events a client has received.
func (r *testRecorder) testMessages() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	msgs := []string{}
	for block := range strings.SplitSeq(r.flushed, "\n\n") {
		var data []string
		for line := range strings.SplitSeq(block, "\n") {
			if v, ok := strings.CutPrefix(line, "data:"); ok {
				data = append(data, strings.TrimPrefix(v, " "))
			}
		}
		if data != nil {
			msgs = append(msgs, strings.Join(data, "\n"))
		}
	}
	return msgs
}

// testClient is one client's request being served.
type testClient struct {
	rec   *testRecorder
	leave context.CancelFunc
	done  chan struct{}
}

func testSubscribe(f *Feed) *testClient {
	ctx, cancel := context.WithCancel(context.Background())
	c := &testClient{rec: &testRecorder{header: http.Header{}}, leave: cancel, done: make(chan struct{})}
	req := httptest.NewRequestWithContext(ctx, "GET", "/feed", nil)
	go func() {
		defer close(c.done)
		f.ServeHTTP(c.rec, req)
	}()
	return c
}

func (c *testClient) testReturned() bool {
	synctest.Wait()
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// testRun starts f.Run on a new source; closing the source ends it.
func testRun(f *Feed) (src chan string, ran chan struct{}) {
	src, ran = make(chan string), make(chan struct{})
	go func() {
		defer close(ran)
		f.Run(context.Background(), src)
	}()
	return src, ran
}

func TestEverySubscriberGetsEveryMessage(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		f := NewFeed()
		src, ran := testRun(f)
		a, b := testSubscribe(f), testSubscribe(f)
		synctest.Wait()
		if n := f.Subscribers(); n != 2 {
			t.Errorf("two clients connected: Subscribers() = %d, want 2", n)
		}
		want := []string{"one", "two\nlines", "three"}
		for _, m := range want {
			src <- m
		}
		synctest.Wait()
		for name, c := range map[string]*testClient{"client A": a, "client B": b} {
			if got := c.rec.testMessages(); !slices.Equal(got, want) {
				t.Errorf("%s received %q, want %q", name, got, want)
			}
		}
		close(src)
		<-ran
		a.leave()
		b.leave()
		a.testReturned()
		b.testReturned()
	})
}

func TestUnsubscribesWhenClientLeaves(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		f := NewFeed()
		src, ran := testRun(f)
		defer func() { close(src); <-ran }()
		stays, leaves := testSubscribe(f), testSubscribe(f)
		defer stays.leave()
		synctest.Wait() // both have subscribed
		src <- "before"
		synctest.Wait()
		leaves.leave()
		if !leaves.testReturned() {
			t.Errorf("a client went away (its request context was cancelled): its ServeHTTP has not returned")
		}
		if n := f.Subscribers(); n != 1 {
			t.Errorf("one of two clients went away: Subscribers() = %d, want 1 (unsubscribe when the client leaves)", n)
		}
		src <- "after"
		synctest.Wait()
		if got := stays.rec.testMessages(); !slices.Equal(got, []string{"before", "after"}) {
			t.Errorf("the client that stayed received %q, want [before after]", got)
		}
		if got := leaves.rec.testMessages(); !slices.Equal(got, []string{"before"}) {
			t.Errorf("the client that left received %q, want [before]", got)
		}
	})
}

// TestStreamsEndWhenRunEnds ends Run with one client connected and one
// that had already left.
func TestStreamsEndWhenRunEnds(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		f := NewFeed()
		src, ran := testRun(f)
		connected, left := testSubscribe(f), testSubscribe(f)
		defer connected.leave()
		synctest.Wait()
		left.leave()
		left.testReturned()
		close(src)
		<-ran
		if !connected.testReturned() {
			t.Errorf("Run ended: a client's ServeHTTP has not returned")
		}
		if n := f.Subscribers(); n != 0 {
			t.Errorf("Run ended: Subscribers() = %d, want 0", n)
		}
		late := testSubscribe(f)
		defer late.leave()
		if !late.testReturned() {
			t.Errorf("a request after Run had ended: ServeHTTP has not returned, want an empty stream")
		}
	})
}

// TestManyClients connects and disconnects clients while messages flow;
// the tests run with -race.
func TestManyClients(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		f := NewFeed()
		src, ran := testRun(f)
		var wg sync.WaitGroup
		clients := make([]*testClient, 8)
		for i := range clients {
			wg.Go(func() {
				clients[i] = testSubscribe(f)
				clients[i].leave()
			})
		}
		wg.Go(func() {
			for i := range 50 {
				src <- fmt.Sprint(i)
			}
		})
		wg.Wait()
		synctest.Wait()
		running := 0
		for _, c := range clients {
			if !c.testReturned() {
				running++
			}
		}
		if running > 0 {
			t.Errorf("8 clients came and went: %d ServeHTTP calls had not returned", running)
		}
		if n := f.Subscribers(); n != 0 {
			t.Errorf("8 clients came and went: Subscribers() = %d, want 0", n)
		}
		close(src)
		<-ran
	})
}
