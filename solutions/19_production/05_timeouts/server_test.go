package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testRunBubble runs f in a synctest bubble: time is fake, so a 5s timeout
// takes no real time and happens after exactly 5s of fake time.
func testRunBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were stuck or still running when the test ended: %v", r)
		}
	}()
	synctest.Test(t, f)
}

// testPipeListener is a net.Listener whose connections are in-memory pipes, so
// that a real http.Server runs inside the bubble, on fake time.
type testPipeListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func (l *testPipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *testPipeListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

func (l *testPipeListener) Addr() net.Addr { return testPipeAddr{} }

type testPipeAddr struct{}

func (testPipeAddr) Network() string { return "pipe" }
func (testPipeAddr) String() string  { return "pipe" }

// testServe runs srv on in-memory connections; dial opens one. Everything is
// stopped when the test ends.
func testServe(t *testing.T, srv *http.Server) (dial func() net.Conn) {
	l := &testPipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	var clients []net.Conn
	t.Cleanup(func() {
		for _, c := range clients {
			c.Close()
		}
		srv.Close()
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			t.Errorf("Serve returned %v", err)
		}
		// Let handlers that ignore their context finish their sleep.
		time.Sleep(time.Hour)
	})
	return func() net.Conn {
		client, server := net.Pipe()
		l.conns <- server
		clients = append(clients, client)
		return client
	}
}

func testNewTestServer(t *testing.T, requestTimeout time.Duration, h http.Handler) *http.Server {
	t.Helper()
	srv := NewServer(Config{Addr: "127.0.0.1:0", RequestTimeout: requestTimeout}, h)
	if srv == nil {
		t.Fatal("NewServer returned nil")
	}
	return srv
}

// testGet sends a GET on c and reads the answer; it gives up after limit of
// (fake) time.
func testGet(c net.Conn, path string, limit time.Duration) (*http.Response, string, error) {
	c.SetDeadline(time.Now().Add(limit))
	go io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: example.com\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp, string(body), err
}

func TestServerTimeoutsAreSet(t *testing.T) {
	srv := testNewTestServer(t, 2*time.Second, http.NotFoundHandler())
	const prefix = "NewServer(Config{Addr: \"127.0.0.1:0\", RequestTimeout: 2s})"
	if srv.Addr != "127.0.0.1:0" {
		t.Errorf("%s: Addr = %q, want cfg.Addr", prefix, srv.Addr)
	}
	switch {
	case srv.ReadHeaderTimeout <= 0:
		t.Errorf("%s: ReadHeaderTimeout is %v: a client may take for ever to send its headers (the slowloris attack)", prefix, srv.ReadHeaderTimeout)
	case srv.ReadHeaderTimeout > 10*time.Second:
		t.Errorf("%s: ReadHeaderTimeout is %v, want at most 10s", prefix, srv.ReadHeaderTimeout)
	}
	if srv.ReadTimeout <= 0 || srv.ReadTimeout < srv.ReadHeaderTimeout {
		t.Errorf("%s: ReadTimeout is %v, want at least ReadHeaderTimeout (%v): it limits the whole request, body included", prefix, srv.ReadTimeout, srv.ReadHeaderTimeout)
	}
	if srv.IdleTimeout <= 0 {
		t.Errorf("%s: IdleTimeout is %v: set how long a keep-alive connection may wait for its next request", prefix, srv.IdleTimeout)
	}
	for _, rt := range []time.Duration{2 * time.Second, 45 * time.Second} {
		srv := testNewTestServer(t, rt, http.NotFoundHandler())
		if srv.WriteTimeout <= rt {
			t.Errorf("NewServer(Config{RequestTimeout: %v}): WriteTimeout is %v, want more than the request timeout, or the connection is cut before the 503 is written", rt, srv.WriteTimeout)
		}
	}
}

func TestSlowHeadersAreCutOff(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		srv := testNewTestServer(t, 2*time.Second, http.NotFoundHandler())
		dial := testServe(t, srv)
		c := dial()
		start := time.Now()
		// Half a request, and then nothing: the slowloris attack.
		go io.WriteString(c, "GET /health HTTP/1.1\r\nHost: exam")
		c.SetReadDeadline(time.Now().Add(10 * time.Minute))
		_, err := c.Read(make([]byte, 512))
		took := time.Since(start)
		if took >= 10*time.Minute {
			t.Fatalf("a client sent half its headers and then nothing: the server still held the connection open after 10 minutes; set ReadHeaderTimeout")
		}
		if !errors.Is(err, io.EOF) {
			t.Fatalf("a client sent half its headers and then nothing: reading from the connection gave %v, want the server to close it", err)
		}
		if took > 10*time.Second {
			t.Errorf("a client sent half its headers and then nothing: the server closed the connection after %v, want within 10s", took)
		}
	})
}

func TestSlowRequestGets503(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		stuck := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(30 * time.Second) // stuck, never looking at r.Context()
			w.Write([]byte("too late\n"))
		})
		srv := testNewTestServer(t, 2*time.Second, stuck)
		dial := testServe(t, srv)
		start := time.Now()
		resp, body, err := testGet(dial(), "/slow", time.Minute)
		took := time.Since(start)
		switch {
		case err != nil && took > 2*time.Second:
			t.Fatalf("a handler stuck for 30s, request timeout 2s: the connection closed without an answer (%v) after %v: nothing stopped the request at 2s (wrap the handler in http.TimeoutHandler)", err, took)
		case err != nil:
			t.Fatalf("a handler stuck for 30s, request timeout 2s: the connection closed without an answer (%v) after %v: WriteTimeout (%v) must be longer than the request timeout, so that the 503 can be sent", err, took, srv.WriteTimeout)
		}
		if resp.StatusCode != http.StatusServiceUnavailable || took != 2*time.Second {
			t.Errorf("a handler stuck for 30s, request timeout 2s: status %d after %v, want 503 after exactly 2s", resp.StatusCode, took)
		}
		if strings.Contains(body, "too late") {
			t.Errorf("a handler stuck for 30s: its late answer %q reached the client", body)
		}
	})
}

func TestFastRequestsAreServed(t *testing.T) {
	testRunBubble(t, func(t *testing.T) {
		quick := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(1500 * time.Millisecond)
			w.Write([]byte("done\n"))
		})
		srv := testNewTestServer(t, 2*time.Second, quick)
		dial := testServe(t, srv)
		c := dial()
		for i := range 2 {
			start := time.Now()
			resp, body, err := testGet(c, "/report", time.Minute)
			if err != nil {
				t.Fatalf("request %d on a keep-alive connection, handler taking 1.5s, request timeout 2s: %v", i+1, err)
			}
			if resp.StatusCode != 200 || body != "done\n" || time.Since(start) != 1500*time.Millisecond {
				t.Errorf("request %d, handler taking 1.5s, request timeout 2s: status %d body %q after %v, want 200 \"done\\n\" after 1.5s", i+1, resp.StatusCode, body, time.Since(start))
			}
		}
	})
}
