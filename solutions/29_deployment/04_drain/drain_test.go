package drain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// testListener is an in-memory listener: the test dials it with net.Pipe,
// so everything runs inside the synctest bubble, in fake time.
type testListener struct {
	conns    chan net.Conn
	closed   chan struct{}
	once     sync.Once
	closedAt time.Time
}

func testNewListener() *testListener {
	return &testListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *testListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *testListener) Close() error {
	l.once.Do(func() {
		l.closedAt = time.Now()
		close(l.closed)
	})
	return nil
}

func (l *testListener) Addr() net.Addr { return testAddr{} }

type testAddr struct{}

func (testAddr) Network() string { return "pipe" }
func (testAddr) String() string  { return "in-memory" }

var testErrRefused = errors.New("connection refused: the listener is closed")

// get sends GET path on a new connection and returns the status.
func (l *testListener) get(path string) (int, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
	case <-l.closed:
		return 0, testErrRefused
	}
	defer client.Close()
	fmt.Fprintf(client, "GET %s HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n", path)
	resp, err := http.ReadResponse(bufio.NewReader(client), nil)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// testApp answers 200 at once, or after two seconds on /slow.
func testApp() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			time.Sleep(2 * time.Second)
		}
		w.Write([]byte("app\n"))
	})
}

// testExpect checks that GET path answers want.
func testExpect(t *testing.T, l *testListener, when, path string, want int) {
	t.Helper()
	got, err := l.get(path)
	switch {
	case err != nil:
		t.Errorf("%s: GET %s failed: %v; want %d", when, path, err, want)
	case got != want:
		t.Errorf("%s: GET %s = %d, want %d", when, path, got, want)
	}
}

// testServe is a running Serve: done is closed when it returns err.
type testServe struct {
	done chan struct{}
	err  error
}

// testRun runs f in a synctest bubble with Serve started on a listener, and
// turns a leak report into a test failure. After f, it makes sure Serve has
// returned (closing the listener and cancelling if needed).
func testRun(t *testing.T, preStop time.Duration, f func(t *testing.T, l *testListener, cancel func(), serve *testServe)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("goroutines were left running when the test ended (Serve or the server it started did not stop): %v", r)
		}
	}()
	synctest.Test(t, func(t *testing.T) {
		ln := testNewListener()
		s := New(testApp(), preStop)
		ctx, cancel := context.WithCancel(t.Context())
		defer cancel()
		serve := &testServe{done: make(chan struct{})}
		go func() {
			serve.err = s.Serve(ctx, ln)
			close(serve.done)
		}()
		synctest.Wait()
		f(t, ln, cancel, serve)
		cancel()
		select {
		case <-serve.done:
		case <-time.After(time.Minute):
			ln.Close()
			select {
			case <-serve.done:
			case <-time.After(time.Minute):
				t.Error("Serve had not returned a minute after ctx was cancelled and its listener closed")
			}
		}
	})
}

func TestReadyWhileServing(t *testing.T) {
	testRun(t, 5*time.Second, func(t *testing.T, l *testListener, cancel func(), serve *testServe) {
		testExpect(t, l, "while serving", "/ready", 200)
		testExpect(t, l, "while serving", "/health", 200)
		testExpect(t, l, "while serving", "/orders", 200)
	})
}

func TestNotReadyAtOnceWhenStopping(t *testing.T) {
	testRun(t, 5*time.Second, func(t *testing.T, l *testListener, cancel func(), serve *testServe) {
		cancel()
		synctest.Wait()
		when := "right after ctx is cancelled (preStop 5s)"
		got, err := l.get("/ready")
		switch {
		case errors.Is(err, testErrRefused):
			t.Fatalf("%s: GET /ready: %v; want 503 and the server still accepting for preStop", when, err)
		case err != nil:
			t.Fatalf("%s: GET /ready failed: %v; want 503", when, err)
		case got != http.StatusServiceUnavailable:
			t.Errorf("%s: GET /ready = %d, want 503 at once, so the load balancer stops sending new requests", when, got)
		}
		testExpect(t, l, when, "/health", 200)
	})
}

func TestKeepsServingDuringPreStop(t *testing.T) {
	testRun(t, 5*time.Second, func(t *testing.T, l *testListener, cancel func(), serve *testServe) {
		start := time.Now()
		cancel()
		for _, at := range []time.Duration{0, time.Second, 4*time.Second + 900*time.Millisecond} {
			time.Sleep(start.Add(at).Sub(time.Now()))
			synctest.Wait()
			when := fmt.Sprintf("%v after ctx is cancelled (preStop 5s)", at)
			testExpect(t, l, when, "/orders", 200)
			testExpect(t, l, when, "/health", 200)
			testExpect(t, l, when, "/ready", 503)
			select {
			case <-serve.done:
				t.Fatalf("%s: Serve already returned (%v), want it serving until preStop has passed", when, serve.err)
			default:
			}
		}
	})
}

func TestShutsDownAfterPreStop(t *testing.T) {
	testRun(t, 5*time.Second, func(t *testing.T, l *testListener, cancel func(), serve *testServe) {
		start := time.Now()
		cancel()
		time.Sleep(4 * time.Second)
		slow := make(chan string, 1)
		go func() { // a request in flight when preStop ends: it must finish
			got, err := l.get("/slow")
			slow <- fmt.Sprintf("%d %v", got, err)
		}()
		time.Sleep(time.Second + time.Millisecond)
		synctest.Wait()
		if _, err := l.get("/orders"); !errors.Is(err, testErrRefused) {
			t.Errorf("just after preStop (5s) has passed: a new connection was accepted, want the listener closed by Shutdown")
		} else if d := l.closedAt.Sub(start); d < 5*time.Second || d > 5*time.Second+100*time.Millisecond {
			t.Errorf("the listener was closed %v after ctx was cancelled, want at preStop, 5s", d)
		}
		time.Sleep(3 * time.Second)
		synctest.Wait()
		select {
		case got := <-slow:
			if got != "200 <nil>" {
				t.Errorf("a 2s request started at 4s, in flight at shutdown: got %s, want 200 (a graceful shutdown lets requests in flight finish)", got)
			}
		default:
			t.Errorf("a 2s request started at 4s had no answer 8s after ctx was cancelled")
		}
		select {
		case <-serve.done:
			if serve.err != nil {
				t.Errorf("Serve returned %v after a graceful shutdown, want nil", serve.err)
			}
		default:
			t.Errorf("Serve had not returned 8s after ctx was cancelled (preStop 5s, then Shutdown)")
		}
	})
}
