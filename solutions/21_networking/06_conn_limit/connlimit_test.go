package connlimit

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// testBubble runs f in a synctest bubble (fake time); goroutines still
// blocked when f returns become an ordinary failure.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: when every client had hung up and the listener was closed, a goroutine was still blocked:\n%s", msg)
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked:\n%s", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testListener hands out in-memory pipes, so deadlines use fake time.
type testListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func (l *testListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *testListener) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}

func (l *testListener) Addr() net.Addr { return testAddr{} }

type testAddr struct{}

func (testAddr) Network() string { return "pipe" }
func (testAddr) String() string  { return "pipe" }

// testEnv is a running server with Max slots whose Handle echoes lines and
// counts how many run at once.
type testEnv struct {
	t       *testing.T
	ln      *testListener
	served  chan error
	running atomic.Int32
	most    atomic.Int32
	clients []net.Conn
}

func testStart(t *testing.T, max int) *testEnv {
	e := &testEnv{t: t, ln: &testListener{conns: make(chan net.Conn), done: make(chan struct{})}, served: make(chan error, 1)}
	srv := &Server{Max: max, Handle: func(c net.Conn) {
		n := e.running.Add(1)
		defer e.running.Add(-1)
		for m := e.most.Load(); n > m && !e.most.CompareAndSwap(m, n); m = e.most.Load() {
		}
		sc := bufio.NewScanner(c)
		for sc.Scan() {
			if _, err := io.WriteString(c, sc.Text()+"\n"); err != nil {
				return
			}
		}
	}}
	go func() { e.served <- srv.Serve(e.ln) }()
	return e
}

// dial connects a client; the server must accept it within 5s.
func (e *testEnv) dial(name string) net.Conn {
	e.t.Helper()
	client, server := net.Pipe()
	select {
	case e.ln.conns <- server:
	case <-time.After(5 * time.Second):
		e.t.Fatalf("%s: the server did not accept the connection within 5s (the accept loop was blocked)", name)
	}
	e.clients = append(e.clients, client)
	return client
}

// stop hangs up every client, closes the listener and waits for Serve.
func (e *testEnv) stop() {
	for _, c := range e.clients {
		c.Close()
	}
	e.ln.Close()
	select {
	case err := <-e.served:
		if err == nil {
			e.t.Errorf("Serve returned nil after the listener was closed, want Accept's error")
		}
	case <-time.After(5 * time.Second):
		e.t.Errorf("Serve had not returned 5s after the listener was closed")
	}
}

// testEcho checks that c is being served.
func testEcho(t *testing.T, name string, c net.Conn) {
	t.Helper()
	c.SetDeadline(time.Now().Add(time.Second))
	defer c.SetDeadline(time.Time{})
	if _, err := io.WriteString(c, "hello\n"); err != nil {
		t.Fatalf("%s: sending a line: %v (want it served)", name, err)
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || line != "hello\n" {
		t.Fatalf("%s: sent \"hello\\n\", got %q, %v; want it echoed (the connection served)", name, line, err)
	}
}

// testRefused checks that c got Refusal and was closed, within 1s.
func testRefused(t *testing.T, name string, c net.Conn) {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(time.Second))
	got, err := io.ReadAll(c)
	switch {
	case string(got) == Refusal && err == nil:
	case string(got) == Refusal:
		t.Errorf("%s: got %q, then %v; want the connection closed after the refusal (io.EOF)", name, got, err)
	default:
		t.Errorf("%s: got %q, %v within 1s; want %q, then the connection closed", name, got, err, Refusal)
	}
}

func TestLimit(t *testing.T) {
	for _, max := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("Max %d", max), func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				e := testStart(t, max)
				defer e.stop()
				for i := range max {
					testEcho(t, fmt.Sprintf("Max %d, connection %d", max, i+1), e.dial("connection"))
				}
				for i := max; i < max+2; i++ {
					name := fmt.Sprintf("Max %d, %d connections served, connection %d", max, max, i+1)
					testRefused(t, name, e.dial(name))
				}
				synctest.Wait()
				if m := e.most.Load(); int(m) > max {
					t.Errorf("Max %d: %d connections were served at once", max, m)
				}
			})
		})
	}
}

func TestSlotGivenBack(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		e := testStart(t, 2)
		defer e.stop()
		a, b := e.dial("a"), e.dial("b")
		testEcho(t, "Max 2, connection a", a)
		testEcho(t, "Max 2, connection b", b)
		for round := range 3 {
			a.Close()
			synctest.Wait() // a's handler has returned
			a = e.dial("a again")
			name := fmt.Sprintf("Max 2, round %d: after the client of a hung up and its handler returned, a new connection", round+1)
			// A served connection says nothing first; a refused one does.
			a.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
			buf := make([]byte, 64)
			if n, _ := a.Read(buf); n > 0 {
				t.Fatalf("%s got %q, want it served: only 1 of the 2 slots was in use", name, buf[:n])
			}
			a.SetReadDeadline(time.Time{})
			testEcho(t, name, a)
		}
	})
}

// TestRefusedClientDoesNotRead: a refused client that never reads must not
// stop the server from accepting others.
func TestRefusedClientDoesNotRead(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		e := testStart(t, 1)
		defer e.stop()
		testEcho(t, "Max 1, connection 1", e.dial("connection 1"))
		e.dial("connection 2, which never reads") // over the limit, never reads
		c3 := e.dial("connection 3, after a refused one that never reads")
		testRefused(t, "Max 1, connection 3 (after connection 2 was refused and never read)", c3)
	})
}
