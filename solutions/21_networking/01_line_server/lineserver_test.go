package lineserver

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

const (
	testIdle  = 10 * time.Second
	testWrite = 5 * time.Second
)

// testBubble runs f in a synctest testBubble (fake time); goroutines still blocked
// when f returns become an ordinary failure.
func testBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		switch msg := fmt.Sprint(r); {
		case strings.Contains(msg, "blocked goroutines remain"):
			t.Fatalf("goroutine leak: after Close returned and every client hung up, a goroutine of the server was still blocked:\n%s", msg)
		case strings.Contains(msg, "all goroutines in testBubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked (the server and the test wait for each other):\n%s", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testListener is a net.Listener whose connections are in-memory pipes, so
// that deadlines run on the testBubble's fake clock.
type testListener struct {
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

func testNewListener() *testListener {
	return &testListener{conns: make(chan net.Conn), done: make(chan struct{})}
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

// dial connects a new client; it fails the test if the server does not
// accept within a second.
func (l *testListener) dial(t *testing.T) net.Conn {
	t.Helper()
	client, server := net.Pipe()
	select {
	case l.conns <- server:
	case <-time.After(time.Second):
		t.Fatalf("the server did not accept a connection within 1s (is Serve calling Accept in a loop?)")
	}
	return client
}

// start runs Serve on a pipe listener; stop (deferred) closes the server
// and waits for Serve to return.
func testStart(t *testing.T) (*Server, *testListener, func()) {
	srv := &Server{IdleTimeout: testIdle, WriteTimeout: testWrite}
	ln := testNewListener()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	stop := func() {
		closed := make(chan struct{})
		go func() { srv.Close(); close(closed) }()
		select {
		case <-closed:
		case <-time.After(time.Minute):
			t.Errorf("Close did not return within a minute")
		}
		select {
		case <-done:
		case <-time.After(time.Minute):
			t.Errorf("Serve did not return within a minute of Close")
		}
	}
	return srv, ln, stop
}

// ask sends one line and reads one line back, giving up after 1s.
func testAsk(c net.Conn, r *bufio.Reader, line string) (string, error) {
	c.SetDeadline(time.Now().Add(time.Second))
	if _, err := io.WriteString(c, line+"\n"); err != nil {
		return "", err
	}
	got, err := r.ReadString('\n')
	return strings.TrimSuffix(got, "\n"), err
}

// testClosedWithin reports whether the server closed c within wait.
func testClosedWithin(c net.Conn, wait time.Duration) (bool, time.Duration, string) {
	start := time.Now()
	c.SetReadDeadline(start.Add(wait))
	buf := make([]byte, 64)
	n, err := c.Read(buf)
	if errors.Is(err, io.EOF) {
		return true, time.Since(start), ""
	}
	return false, time.Since(start), string(buf[:n])
}

func TestCommands(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		_, ln, stop := testStart(t)
		defer stop()
		c := ln.dial(t)
		defer c.Close()
		r := bufio.NewReader(c)
		for _, tc := range []struct{ send, want string }{
			{"PING", "PONG"},
			{"ECHO hello there", "hello there"},
			{"PING\r", "PONG"},
			{"DANCE", "ERR unknown command"},
			{"QUIT", "BYE"},
		} {
			got, err := testAsk(c, r, tc.send)
			if err != nil || got != tc.want {
				t.Fatalf("sent %q: got %q, %v; want %q", tc.send, got, err, tc.want)
			}
		}
		if ok, _, extra := testClosedWithin(c, time.Second); !ok {
			t.Errorf("after QUIT and BYE the connection was still open after 1s (read %q), want it closed by the server", extra)
		}
	})
}

func TestIdleClientDropped(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		_, ln, stop := testStart(t)
		defer stop()
		c := ln.dial(t)
		defer c.Close()
		ok, after, _ := testClosedWithin(c, 2*testIdle)
		if !ok {
			t.Fatalf("a client that sent nothing was still connected after %v, want it dropped after IdleTimeout (%v): set a read deadline", 2*testIdle, testIdle)
		}
		if after < testIdle {
			t.Errorf("a client that sent nothing was dropped after %v, want after IdleTimeout (%v)", after, testIdle)
		}
	})
}

// TestActiveClientKept: the idle time counts from the last line, not from
// the start of the connection.
func TestActiveClientKept(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		_, ln, stop := testStart(t)
		defer stop()
		c := ln.dial(t)
		defer c.Close()
		r := bufio.NewReader(c)
		every := testIdle * 6 / 10
		for i := range 5 {
			time.Sleep(every)
			got, err := testAsk(c, r, "PING")
			if err != nil || got != "PONG" {
				t.Fatalf("a client sending PING every %v (IdleTimeout %v): PING number %d at %v got %q, %v; want PONG (the idle deadline must be set again before each line)",
					every, testIdle, i+1, time.Duration(i+1)*every, got, err)
			}
		}
		ok, after, _ := testClosedWithin(c, 2*testIdle)
		if !ok || after < testIdle {
			t.Errorf("after its last PING, the client was dropped=%v after %v, want dropped after IdleTimeout (%v)", ok, after, testIdle)
		}
	})
}

// TestStalledReaderDropped: a client that sends commands but never reads
// the answers must not hold a server goroutine forever.
func TestStalledReaderDropped(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		_, ln, stop := testStart(t)
		defer stop()
		c := ln.dial(t)
		defer c.Close()
		c.SetWriteDeadline(time.Now().Add(time.Second))
		if _, err := io.WriteString(c, "PING\n"); err != nil {
			t.Fatalf("sending PING: %v", err)
		}
		// Do not read for longer than WriteTimeout.
		time.Sleep(testWrite + time.Second)
		ok, _, got := testClosedWithin(c, time.Second)
		if !ok {
			t.Errorf("a client that did not read its answer for %v was still connected (it then read %q), want it dropped after WriteTimeout (%v): set a write deadline", testWrite+time.Second, got, testWrite)
		}
	})
}

func TestCloseEndsEverything(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		srv, ln, stop := testStart(t)
		var clients []net.Conn
		for range 3 {
			clients = append(clients, ln.dial(t))
		}
		defer func() {
			for _, c := range clients {
				c.Close()
			}
		}()
		r := bufio.NewReader(clients[0])
		if got, err := testAsk(clients[0], r, "PING"); err != nil || got != "PONG" {
			t.Fatalf("sent PING: got %q, %v; want PONG", got, err)
		}
		time.Sleep(time.Second) // every client idle, nowhere near IdleTimeout
		closed := make(chan error, 1)
		go func() { closed <- srv.Close() }()
		select {
		case <-closed:
		case <-time.After(time.Second):
			t.Fatalf("Close did not return within 1s while 3 clients were connected and idle")
		}
		for i, c := range clients {
			if ok, _, got := testClosedWithin(c, 100*time.Millisecond); !ok {
				t.Errorf("after Close returned, idle client %d was still connected (read %q), want every connection closed by Close", i+1, got)
			}
		}
		stop()
	})
}

func TestServeReturnsAfterClose(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		srv := &Server{IdleTimeout: testIdle, WriteTimeout: testWrite}
		ln := testNewListener()
		done := make(chan error, 1)
		go func() { done <- srv.Serve(ln) }()
		time.Sleep(time.Second)
		srv.Close()
		select {
		case err := <-done:
			if !errors.Is(err, ErrServerClosed) {
				t.Errorf("Serve after Close = %v, want ErrServerClosed", err)
			}
		case <-time.After(time.Second):
			t.Fatalf("Serve had not returned 1s after Close")
		}
	})
}

// TestRealTCP runs the server on a real loopback listener.
func TestRealTCP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &Server{IdleTimeout: time.Minute, WriteTimeout: time.Minute}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c)
	for _, tc := range []struct{ send, want string }{{"PING", "PONG"}, {"ECHO tcp", "tcp"}} {
		io.WriteString(c, tc.send+"\n")
		got, err := r.ReadString('\n')
		if err != nil || got != tc.want+"\n" {
			t.Errorf("over TCP, sent %q: got %q, %v; want %q", tc.send, got, err, tc.want)
		}
	}
	srv.Close()
	select {
	case err := <-done:
		if !errors.Is(err, ErrServerClosed) {
			t.Errorf("Serve after Close = %v, want ErrServerClosed", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("Serve had not returned 10s after Close")
	}
	c.SetReadDeadline(time.Now().Add(3 * time.Second))
	if got, err := r.ReadString('\n'); !errors.Is(err, io.EOF) {
		t.Errorf("after Close, reading the open TCP connection gave %q, %v; want io.EOF (closed by Close)", got, err)
	}
}
