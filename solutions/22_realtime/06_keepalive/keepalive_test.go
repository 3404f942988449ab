package keepalive

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
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
				t.Fatalf("when the connection had ended and ServeHTTP had returned, a goroutine was still blocked and would never exit (a pinger that nobody stopped?)")
			}
			if strings.Contains(msg, "all goroutines in bubble are blocked") {
				t.Fatalf("deadlock: every goroutine is blocked")
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

// testPeer is a client connected over net.Pipe.
type testPeer struct {
	conn     *websocket.Conn
	returned chan struct{} // closed when ServeHTTP returns
	pings    atomic.Int32  // pings received
	mute     atomic.Bool   // when set, pings get no pong
	readDone chan struct{}
	messages chan string // what a reading peer received
	opened   time.Time
}

// testConnect connects a peer to s. A reading peer reads all the time (and
// so answers pings); the other never reads, as if it had vanished.
func testConnect(t *testing.T, s *Server, reading bool) *testPeer {
	t.Helper()
	clientEnd, serverEnd := net.Pipe()
	p := &testPeer{returned: make(chan struct{}), readDone: make(chan struct{}), messages: make(chan string, 16), opened: time.Now()}
	rw := &testHijacker{ResponseRecorder: httptest.NewRecorder(), conn: serverEnd, hijacked: make(chan struct{})}
	transport := testTransport(func(req *http.Request) (*http.Response, error) {
		go func() {
			defer close(p.returned)
			s.ServeHTTP(rw, req)
		}()
		select {
		case <-rw.hijacked:
		case <-p.returned:
		}
		resp := rw.Result()
		if resp.StatusCode == http.StatusSwitchingProtocols {
			resp.Body = clientEnd
		}
		return resp, nil
	})
	c, _, err := websocket.Dial(context.Background(), "ws://server.test/", &websocket.DialOptions{
		HTTPClient: &http.Client{Transport: transport},
		OnPingReceived: func(context.Context, []byte) bool {
			p.pings.Add(1)
			return !p.mute.Load()
		},
	})
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	p.conn = c
	if reading {
		go func() {
			defer close(p.readDone)
			for {
				_, msg, err := c.Read(context.Background())
				if err != nil {
					return
				}
				p.messages <- string(msg)
			}
		}()
	} else {
		close(p.readDone)
	}
	return p
}

func (p *testPeer) testReturned() bool {
	synctest.Wait()
	select {
	case <-p.returned:
		return true
	default:
		return false
	}
}

// testEnd closes the peer's side and waits for everything of it to end.
func (p *testPeer) testEnd() {
	p.conn.CloseNow()
	<-p.readDone
	<-p.returned
}

func testServer() *Server { return &Server{Interval: 10 * time.Second, Timeout: 3 * time.Second} }

// testSleepUntil lets fake time pass until d after the peer connected.
func (p *testPeer) testSleepUntil(d time.Duration) {
	time.Sleep(time.Until(p.opened.Add(d)))
	synctest.Wait()
}

func TestPingsEveryInterval(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		p := testConnect(t, testServer(), true)
		defer p.testEnd()
		for _, at := range []struct {
			after time.Duration
			pings int32
		}{{9 * time.Second, 0}, {11 * time.Second, 1}, {35 * time.Second, 3}, {95 * time.Second, 9}} {
			p.testSleepUntil(at.after)
			if got := p.pings.Load(); got != at.pings {
				t.Errorf("Interval 10s: %v after the connection opened, the client had received %d pings, want %d", at.after, got, at.pings)
			}
		}
		if p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s: a client that answers every ping was disconnected within 95s")
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := p.conn.Write(ctx, websocket.MessageText, []byte("still there?")); err != nil {
			t.Fatalf("writing to the server after 95s: %v", err)
		}
		synctest.Wait()
		select {
		case got := <-p.messages:
			if got != "still there?" {
				t.Errorf("sent %q after 95s, got back %q", "still there?", got)
			}
		default:
			t.Errorf("sent %q after 95s, and got nothing back", "still there?")
		}
	})
}

// TestVanishedPeerIsDropped connects a peer that never reads, as if its
// machine had gone away: no pong ever comes back.
func TestVanishedPeerIsDropped(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		p := testConnect(t, testServer(), false)
		defer p.testEnd()
		p.testSleepUntil(9 * time.Second)
		if p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s: the connection was closed after 9s, before the first ping was due")
		}
		p.testSleepUntil(14 * time.Second)
		if !p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s, a peer that never answers: 14s after the connection opened, ServeHTTP had not returned; want the connection closed at 13s, when the first ping has had no pong for 3s")
		}
	})
}

// TestPeerThatStopsAnswering has a peer that answers pings for 25s, then
// no more.
func TestPeerThatStopsAnswering(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		p := testConnect(t, testServer(), true)
		defer p.testEnd()
		p.testSleepUntil(25 * time.Second)
		if p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s: a client that answered every ping was disconnected within 25s")
		}
		p.mute.Store(true)
		p.testSleepUntil(29 * time.Second)
		if p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s: a client that answered pings until 25s was disconnected at 29s, before a ping went unanswered")
		}
		p.testSleepUntil(34 * time.Second)
		if !p.testReturned() {
			t.Fatalf("Interval 10s, Timeout 3s: a client answered pings until 25s, then no more: at 34s ServeHTTP had not returned; want the connection closed at 33s, when the ping sent at 30s has had no pong for 3s")
		}
	})
}

// TestReturnsWhenClientCloses closes the connection from the client: the
// handler must return, and leave nothing running (a pinger included).
func TestReturnsWhenClientCloses(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		p := testConnect(t, testServer(), true)
		p.testSleepUntil(15 * time.Second)
		p.conn.Close(websocket.StatusNormalClosure, "")
		<-p.readDone
		if !p.testReturned() {
			t.Fatalf("the client closed the connection, but ServeHTTP had not returned")
		}
		// The bubble ends here, with time stopped: a goroutine still
		// waiting for its next ping is reported as left running.
	})
}
