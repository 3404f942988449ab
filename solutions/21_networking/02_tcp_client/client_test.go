package tcpclient

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

const (
	testDialTimeout = 5 * time.Second
	testReadTimeout = 10 * time.Second
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
			t.Fatalf("goroutine leak: when the test ended, a goroutine was still blocked:\n%s", msg)
		case strings.Contains(msg, "all goroutines in bubble are blocked"):
			t.Fatalf("deadlock: every goroutine is blocked (Ask waits for something that never comes):\n%s", msg)
		default:
			panic(r)
		}
	}()
	synctest.Test(t, f)
}

// testServer is the server side of an in-memory connection: it reads the
// request line, then runs answer.
type testServer struct {
	got    chan string // the request line
	closed chan bool   // true once the client closed its end
}

// testClient returns a Client whose Dial hands out an in-memory pipe; the
// server end reads one line, then calls answer.
func testClient(answer func(c net.Conn)) (*Client, *testServer) {
	s := &testServer{got: make(chan string, 1), closed: make(chan bool, 1)}
	c := &Client{Addr: "server:7", DialTimeout: testDialTimeout, ReadTimeout: testReadTimeout}
	c.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
		client, server := net.Pipe()
		go func() {
			defer server.Close()
			r := bufio.NewReader(server)
			line, err := r.ReadString('\n')
			if err != nil {
				s.got <- fmt.Sprintf("(no line: %v)", err)
				return
			}
			s.got <- line
			answer(server)
			// The client must close the connection when it is done.
			server.SetReadDeadline(time.Now().Add(time.Minute))
			_, err = r.ReadByte()
			s.closed <- errors.Is(err, io.EOF)
		}()
		return client, nil
	}
	return c, s
}

type testResult struct {
	answer  string
	err     error
	elapsed time.Duration
}

// testAsk runs c.Ask in a goroutine; it reports false if Ask had not
// returned after wait.
func testAsk(ctx context.Context, c *Client, line string, wait time.Duration) (testResult, bool) {
	done := make(chan testResult, 1)
	start := time.Now()
	go func() {
		a, err := c.Ask(ctx, line)
		done <- testResult{a, err, time.Since(start)}
	}()
	select {
	case r := <-done:
		return r, true
	case <-time.After(wait):
		return testResult{}, false
	}
}

func TestAsk(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pieces []string
		want   string
	}{
		{"answer in one write", []string{"PONG\n"}, "PONG"},
		{"answer in three writes", []string{"PO", "N", "G\n"}, "PONG"},
		{"only the first line is the answer", []string{"hello world\nmore\n"}, "hello world"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			testBubble(t, func(t *testing.T) {
				c, srv := testClient(func(conn net.Conn) {
					for _, p := range tc.pieces {
						io.WriteString(conn, p)
						time.Sleep(time.Millisecond)
					}
				})
				r, ok := testAsk(context.Background(), c, "PING", time.Minute)
				if !ok {
					t.Fatalf("Ask(ctx, %q) had not returned after a minute", "PING")
				}
				if got := <-srv.got; got != "PING\n" {
					t.Errorf("Ask(ctx, %q) sent %q, want %q", "PING", got, "PING\n")
				}
				if r.err != nil || r.answer != tc.want {
					t.Errorf("server wrote %q: Ask(ctx, %q) = %q, %v; want %q, nil", tc.pieces, "PING", r.answer, r.err, tc.want)
				}
				if !<-srv.closed {
					t.Errorf("after Ask returned, the connection was still open; want it closed (defer conn.Close())")
				}
			})
		})
	}
}

func TestSilentServer(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		c, srv := testClient(func(conn net.Conn) { <-release; conn.Close() })
		r, ok := testAsk(context.Background(), c, "PING", 3*testReadTimeout)
		if !ok {
			t.Fatalf("the server read the request and never answered: Ask had not returned after %v, want it to give up after ReadTimeout (%v)", 3*testReadTimeout, testReadTimeout)
		}
		<-srv.got
		if r.err == nil {
			t.Fatalf("the server never answered: Ask = %q, nil; want an error wrapping ErrTimeout", r.answer)
		}
		if !errors.Is(r.err, ErrTimeout) {
			t.Errorf("the server never answered: Ask returned %q, want an error that wraps ErrTimeout (errors.Is(err, ErrTimeout))", r.err)
		}
		if r.elapsed < testReadTimeout || r.elapsed > testReadTimeout+time.Second {
			t.Errorf("the server never answered: Ask returned after %v, want after ReadTimeout (%v)", r.elapsed, testReadTimeout)
		}
	})
}

func TestDialTimeout(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		c := &Client{Addr: "server:7", DialTimeout: testDialTimeout, ReadTimeout: testReadTimeout}
		c.Dial = func(ctx context.Context, network, addr string) (net.Conn, error) {
			// A connection that never completes.
			select {
			case <-ctx.Done():
				return nil, &net.OpError{Op: "dial", Net: network, Err: ctx.Err()}
			case <-release:
				return nil, errors.New("test over")
			}
		}
		r, ok := testAsk(context.Background(), c, "PING", 3*testDialTimeout)
		if !ok {
			t.Fatalf("the connection never completed: Ask had not returned after %v, want it to give up after DialTimeout (%v): pass c.dial a context with that timeout", 3*testDialTimeout, testDialTimeout)
		}
		if !errors.Is(r.err, ErrTimeout) {
			t.Errorf("the connection never completed: Ask returned %q, %v; want an error that wraps ErrTimeout", r.answer, r.err)
		}
		if r.elapsed < testDialTimeout || r.elapsed > testDialTimeout+time.Second {
			t.Errorf("the connection never completed: Ask returned after %v, want after DialTimeout (%v)", r.elapsed, testDialTimeout)
		}
	})
}

func TestCallerCancels(t *testing.T) {
	testBubble(t, func(t *testing.T) {
		release := make(chan struct{})
		defer close(release)
		c, srv := testClient(func(conn net.Conn) { <-release; conn.Close() })
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		time.AfterFunc(time.Second, cancel)
		r, ok := testAsk(ctx, c, "PING", 3*testReadTimeout)
		<-srv.got
		if !ok {
			t.Fatalf("ctx was cancelled after 1s while waiting for the answer: Ask had not returned after %v", 3*testReadTimeout)
		}
		if !errors.Is(r.err, context.Canceled) {
			t.Errorf("ctx was cancelled while waiting for the answer: Ask returned %q, %v; want an error wrapping context.Canceled", r.answer, r.err)
		}
		if r.elapsed > 2*time.Second {
			t.Errorf("ctx was cancelled after 1s while waiting for the answer: Ask returned after %v, want at once", r.elapsed)
		}
	})
}

// TestRealTCP uses real loopback connections, with generous time limits.
func TestRealTCP(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	silent := make(chan struct{})
	defer close(silent)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				line, err := bufio.NewReader(conn).ReadString('\n')
				if err != nil {
					return
				}
				if line == "quiet\n" {
					<-silent
					return
				}
				io.WriteString(conn, "you said "+line)
			}()
		}
	}()
	c := &Client{Addr: ln.Addr().String(), DialTimeout: 10 * time.Second, ReadTimeout: 10 * time.Second}
	got, err := c.Ask(context.Background(), "hello")
	if err != nil || got != "you said hello" {
		t.Errorf("over TCP: Ask(ctx, %q) = %q, %v; want %q, nil", "hello", got, err, "you said hello")
	}
	c.ReadTimeout = 200 * time.Millisecond
	type result struct {
		got string
		err error
	}
	done := make(chan result, 1)
	go func() {
		got, err := c.Ask(context.Background(), "quiet")
		done <- result{got, err}
	}()
	select {
	case r := <-done:
		if !errors.Is(r.err, ErrTimeout) {
			t.Errorf("over TCP, a server that never answers, ReadTimeout 200ms: Ask = %q, %v; want an error wrapping ErrTimeout", r.got, r.err)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("over TCP, a server that never answers, ReadTimeout 200ms: Ask had not returned after 5s")
	}
}
