package broadcast

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/coder/websocket"
)

// testBubble runs f in a synctest bubble (fake time, in-memory
// connections) and turns the bubble's deadlock and leak reports into
// ordinary failures.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if strings.Contains(msg, "blocked goroutines remain") {
				t.Fatalf("when every connection had ended, a goroutine was still blocked and would never exit (a writer still waiting on its client's queue? a Broadcast waiting for a client?)")
			}
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("deadlock: every goroutine is blocked (a Broadcast waiting for a client that does not read?)")
			}
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testHijacker is the server side of an in-memory connection.
type testHijacker struct {
	*httptest.ResponseRecorder
	conn     net.Conn
	hijacked chan struct{}
}

func (h *testHijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	close(h.hijacked)
	return h.conn, bufio.NewReadWriter(bufio.NewReader(h.conn), bufio.NewWriter(h.conn)), nil
}

type testTransport func(*http.Request) (*http.Response, error)

func (f testTransport) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// testClient is a WebSocket client connected to the hub over net.Pipe.
type testClient struct {
	conn     *websocket.Conn
	returned chan struct{} // closed when the hub's ServeHTTP returns

	mu   sync.Mutex
	got  []string
	err  error
	done chan struct{} // closed when the reading goroutine ends
}

// testConnect connects a client to h; a reading client reads every message
// as soon as it arrives, the other never reads.
func testConnect(t *testing.T, h *Hub, reading bool) *testClient {
	t.Helper()
	clientEnd, serverEnd := net.Pipe()
	tc := &testClient{returned: make(chan struct{}), done: make(chan struct{})}
	rw := &testHijacker{ResponseRecorder: httptest.NewRecorder(), conn: serverEnd, hijacked: make(chan struct{})}
	transport := testTransport(func(req *http.Request) (*http.Response, error) {
		go func() {
			defer close(tc.returned)
			h.ServeHTTP(rw, req)
		}()
		select {
		case <-rw.hijacked:
		case <-tc.returned:
		}
		resp := rw.Result()
		if resp.StatusCode == http.StatusSwitchingProtocols {
			resp.Body = clientEnd
		}
		return resp, nil
	})
	c, _, err := websocket.Dial(context.Background(), "ws://hub.test/", &websocket.DialOptions{
		HTTPClient: &http.Client{Transport: transport},
	})
	if err != nil {
		t.Fatalf("connecting to the hub: %v", err)
	}
	tc.conn = c
	if reading {
		go tc.read()
	}
	return tc
}

func (tc *testClient) read() {
	defer close(tc.done)
	for {
		_, msg, err := tc.conn.Read(context.Background())
		tc.mu.Lock()
		if err != nil {
			tc.err = err
			tc.mu.Unlock()
			return
		}
		tc.got = append(tc.got, string(msg))
		tc.mu.Unlock()
	}
}

func (tc *testClient) received() []string {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return slices.Clone(tc.got)
}

// testHungUp reports whether ServeHTTP has returned for tc.
func (tc *testClient) testHungUp() bool {
	select {
	case <-tc.returned:
		return true
	default:
		return false
	}
}

// testLeave closes a reading client's connection and waits for everything
// of it to end.
func (tc *testClient) testLeave(t *testing.T, name string) {
	t.Helper()
	tc.conn.Close(websocket.StatusNormalClosure, "")
	<-tc.done
	time.Sleep(time.Minute) // fake time: lets any timeout of the hub pass
	if !tc.testHungUp() {
		t.Errorf("%s closed its connection, but ServeHTTP had not returned a minute later", name)
	}
}

func testMessages(from, to int) []string {
	var m []string
	for i := from; i <= to; i++ {
		m = append(m, fmt.Sprint("msg ", i))
	}
	return m
}

// testBroadcast calls Broadcast in a goroutine and reports whether it
// returned once everything had settled.
func testBroadcast(h *Hub, msg string) bool {
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.Broadcast([]byte(msg))
	}()
	synctest.Wait()
	select {
	case <-done:
		return true
	default:
		return false
	}
}

func TestEveryClientGetsEveryMessage(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		h := NewHub(4)
		a, b := testConnect(t, h, true), testConnect(t, h, true)
		synctest.Wait()
		if n := h.Count(); n != 2 {
			t.Errorf("two clients connected: Count() = %d, want 2", n)
		}
		for _, m := range testMessages(1, 10) {
			if !testBroadcast(h, m) {
				t.Fatalf("Broadcast(%q) did not return, with two clients that read everything", m)
			}
		}
		for name, c := range map[string]*testClient{"client A": a, "client B": b} {
			if got := c.received(); !slices.Equal(got, testMessages(1, 10)) {
				t.Errorf("%s received %q, want %q", name, got, testMessages(1, 10))
			}
		}
		a.testLeave(t, "client A")
		if n := h.Count(); n != 1 {
			t.Errorf("one of two clients left: Count() = %d, want 1", n)
		}
		b.testLeave(t, "client B")
	})
}

// TestBurstWithinQueue broadcasts QueueSize messages at once, before any
// writer has had a chance to run: they must all fit in the queues.
func TestBurstWithinQueue(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		h := NewHub(5)
		a := testConnect(t, h, true)
		synctest.Wait()
		done := make(chan struct{})
		go func() {
			defer close(done)
			for _, m := range testMessages(1, 5) {
				h.Broadcast([]byte(m))
			}
		}()
		<-done
		synctest.Wait()
		if got := a.received(); !slices.Equal(got, testMessages(1, 5)) {
			t.Errorf("5 messages broadcast at once to a hub with QueueSize 5: the client received %q, want %q (a queue must hold QueueSize messages)", got, testMessages(1, 5))
		}
		if h.Count() != 1 || a.testHungUp() {
			t.Errorf("5 messages broadcast at once to a hub with QueueSize 5: the client was disconnected, want it kept")
		}
		a.testLeave(t, "the client")
	})
}

// TestSlowClientIsDisconnected has one client that never reads.
func TestSlowClientIsDisconnected(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		h := NewHub(4)
		fast := testConnect(t, h, true)
		slow := testConnect(t, h, false)
		synctest.Wait()
		for i, m := range testMessages(1, 20) {
			if !testBroadcast(h, m) {
				t.Errorf("Broadcast(%q) did not return (QueueSize 4, message %d of 20): it waits for the client that never reads, and so does every other client", m, i+1)
				slow.conn.CloseNow()
				fast.conn.CloseNow()
				return
			}
		}
		if got := fast.received(); !slices.Equal(got, testMessages(1, 20)) {
			t.Errorf("20 messages broadcast with a client that never reads: the client that reads received %q, want %q", got, testMessages(1, 20))
		}
		if n := h.Count(); n != 1 {
			t.Errorf("20 messages broadcast, QueueSize 4, one client never reads: Count() = %d, want 1 (the slow client must be disconnected when its queue is full)", n)
		}
		time.Sleep(time.Minute) // fake time: lets any write timeout pass
		if !slow.testHungUp() {
			t.Errorf("20 messages broadcast, QueueSize 4, one client never reads: a minute later its ServeHTTP had not returned, want it disconnected")
		}
		slow.conn.CloseNow()
		if testBroadcast(h, "after") {
			synctest.Wait()
			if got := fast.received(); !slices.Contains(got, "after") {
				t.Errorf("after the slow client was gone, the other client did not receive the next message")
			}
		} else {
			t.Errorf("after the slow client was gone, Broadcast did not return")
		}
		fast.testLeave(t, "the client that reads")
	})
}

// TestConcurrentUse joins, broadcasts and leaves from several goroutines at
// once; the tests run with -race.
func TestConcurrentUse(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		h := NewHub(64)
		var clients []*testClient
		for range 3 {
			clients = append(clients, testConnect(t, h, true))
		}
		synctest.Wait() // every client has joined
		var wg sync.WaitGroup
		for p := range 3 {
			wg.Go(func() {
				for i := range 10 {
					h.Broadcast([]byte(fmt.Sprintf("p%d-%d", p, i)))
				}
			})
		}
		wg.Go(func() { clients[0].testLeave(t, "client 0") })
		wg.Wait()
		synctest.Wait()
		for i, c := range clients[1:] {
			if got := c.received(); len(got) != 30 {
				t.Errorf("3 goroutines broadcast 10 messages each: client %d received %d messages, want 30", i+1, len(got))
			}
			c.testLeave(t, fmt.Sprint("client ", i+1))
		}
	})
}
