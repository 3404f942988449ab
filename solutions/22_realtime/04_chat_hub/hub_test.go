package chat

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// testWait is how long a test waits for anything over the network: far
// more than a correct hub needs, even on a busy machine.
const testWait = 10 * time.Second

// testStart serves a new Hub on a loopback port.
func testStart(t *testing.T) (*Hub, string) {
	t.Helper()
	h := NewHub()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, "ws" + strings.TrimPrefix(srv.URL, "http")
}

func testDial(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Errorf("dialing the hub: %v", err)
		return nil
	}
	t.Cleanup(func() { c.CloseNow() })
	return c
}

// testCountWait is how long testCount waits for Count to change: a correct
// hub takes milliseconds.
const testCountWait = 5 * time.Second

// testCount waits until h.Count() is want, and fails if it never is.
func testCount(t *testing.T, h *Hub, want int, after string) {
	t.Helper()
	deadline := time.Now().Add(testCountWait)
	for h.Count() != want {
		if time.Now().After(deadline) {
			t.Fatalf("%s, Count() = %d, want %d (waited %v)", after, h.Count(), want, testCountWait)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func testSend(t *testing.T, c *websocket.Conn, who, msg string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte(msg)); err != nil {
		t.Fatalf("%s sending %q: %s", who, msg, testConnErr(err))
	}
}

func testRecv(t *testing.T, c *websocket.Conn, who, want string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	_, got, err := c.Read(ctx)
	if err != nil {
		t.Fatalf("%s waiting for %q: %s", who, want, testConnErr(err))
	}
	if string(got) != want {
		t.Fatalf("%s received %q, want %q", who, got, want)
	}
}

func TestBroadcastToOthers(t *testing.T) {
	h, url := testStart(t)
	a, b, c := testDial(t, url), testDial(t, url), testDial(t, url)
	testCount(t, h, 3, "three clients connected")
	testSend(t, a, "client A", "hi")
	testRecv(t, b, "client B", "hi")
	testRecv(t, c, "client C", "hi")
	testSend(t, a, "client A", "again")
	testRecv(t, b, "client B", "again")
	testRecv(t, c, "client C", "again")
	testSend(t, b, "client B", "hello A")
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	_, got, err := a.Read(ctx)
	if err != nil {
		t.Fatalf("client A sent %q and %q, then B sent %q: A's next read failed: %s", "hi", "again", "hello A", testConnErr(err))
	}
	if string(got) != "hello A" {
		t.Fatalf("client A sent %q and %q, then B sent %q: A received %q, want %q (a message goes to every client but its sender)", "hi", "again", "hello A", got, "hello A")
	}
	testRecv(t, c, "client C", "hello A")
}

func TestBinaryKeepsItsType(t *testing.T) {
	h, url := testStart(t)
	a, b := testDial(t, url), testDial(t, url)
	testCount(t, h, 2, "two clients connected")
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	if err := a.Write(ctx, websocket.MessageBinary, []byte{1, 2, 3}); err != nil {
		t.Fatalf("client A sending a binary message: %s", testConnErr(err))
	}
	typ, got, err := b.Read(ctx)
	if err != nil {
		t.Fatalf("A sent a binary message [1 2 3]: B's read failed: %s", testConnErr(err))
	}
	if typ != websocket.MessageBinary || string(got) != "\x01\x02\x03" {
		t.Fatalf("A sent a binary message [1 2 3]: B received type %v %v, want binary [1 2 3]", typ, got)
	}
}

func TestClientLeaves(t *testing.T) {
	h, url := testStart(t)
	a, b, c := testDial(t, url), testDial(t, url), testDial(t, url)
	testCount(t, h, 3, "three clients connected")
	c.Close(websocket.StatusNormalClosure, "")
	testCount(t, h, 2, "after one of three clients closed its connection")
	testSend(t, a, "client A", "still here?")
	testRecv(t, b, "client B", "still here?")
	a.Close(websocket.StatusNormalClosure, "")
	b.CloseNow() // without a close handshake
	testCount(t, h, 0, "after every client had closed its connection")
}

// TestManyClientsAtOnce joins, chats and leaves with several clients at
// the same time; the tests run with -race.
func TestManyClientsAtOnce(t *testing.T) {
	const n = 6
	h, url := testStart(t)
	conns := make([]*websocket.Conn, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { conns[i] = testDial(t, url) })
	}
	wg.Wait()
	if slices.Contains(conns, nil) {
		t.FailNow()
	}
	testCount(t, h, n, fmt.Sprintf("%d clients connected at once", n))
	received := make([][]string, n)
	for i, c := range conns {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), testWait)
			defer cancel()
			c.Write(ctx, websocket.MessageText, []byte(fmt.Sprint("from ", i)))
			for range n - 1 {
				_, msg, err := c.Read(ctx)
				if err != nil {
					return
				}
				received[i] = append(received[i], string(msg))
			}
		})
	}
	wg.Wait()
	for i, got := range received {
		var want []string
		for j := range n {
			if j != i {
				want = append(want, fmt.Sprint("from ", j))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%d clients each sent one message at the same time: client %d received %q, want %q", n, i, got, want)
		}
	}
	for _, c := range conns {
		wg.Go(func() { c.Close(websocket.StatusNormalClosure, "") })
	}
	wg.Wait()
	testCount(t, h, 0, fmt.Sprintf("%d clients closed at the same time", n))
}

// testConnErr says how a connection ended in words that do not depend on
// timing: a hub that hung up shows as EOF, a reset or a broken pipe,
// whichever the operating system saw first.
func testConnErr(err error) string {
	msg := err.Error()
	for _, hungUp := range []string{"EOF", "connection reset by peer", "broken pipe"} {
		if strings.Contains(msg, hungUp) {
			return "the hub closed the connection"
		}
	}
	return msg
}
