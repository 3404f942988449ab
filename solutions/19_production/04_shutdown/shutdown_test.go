package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// testOutput collects what the child process prints, safe to read while it
// still writes.
type testOutput struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (o *testOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

// String returns the last lines printed, indented, without the test
// framework's own last line.
func (o *testOutput) String() string {
	o.mu.Lock()
	text := o.buf.String()
	o.mu.Unlock()
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if n := len(lines); n > 0 && lines[n-1] == "PASS" {
		lines = lines[:n-1]
	}
	if len(lines) > 12 {
		lines = lines[len(lines)-12:]
	}
	if len(lines) == 0 || len(lines) == 1 && lines[0] == "" {
		return "    (nothing)"
	}
	return "    " + strings.Join(lines, "\n    ")
}

// testExitText says how a process ended, from the error of Wait.
func testExitText(err error) string {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return "exit status 0"
	case errors.As(err, &exit) && exit.ExitCode() == -1:
		return "killed by the signal, which nothing caught (" + exit.ProcessState.String() + ")"
	case errors.As(err, &exit):
		return "exit status " + strconv.Itoa(exit.ExitCode())
	default:
		return err.Error()
	}
}

// testRefused reports whether a new connection to addr is refused.
func testRefused(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
	if err == nil {
		c.Close()
		return false
	}
	var ne net.Error
	return !errors.As(err, &ne) || !ne.Timeout()
}

func testMs(d time.Duration) string { return d.Round(time.Millisecond).String() }

// TestGracefulShutdown runs main in a child process (this test binary again),
// sends it SIGTERM while GET /slow?ms=800 is in flight, and reports what
// happened to that request and to the process.
func TestGracefulShutdown(t *testing.T) {
	if os.Getenv("SHUTDOWN_TEST_RUN_MAIN") == "1" {
		main()
		return
	}
	if runtime.GOOS == "windows" {
		t.Log("Windows has no SIGTERM to send: the shutdown probe checks this with Ctrl-Break")
		return
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("could not find a free port: %v", err)
	}
	addr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(addr)

	cmd := exec.Command(os.Args[0], "-test.run=^TestGracefulShutdown$")
	cmd.Env = append(os.Environ(), "SHUTDOWN_TEST_RUN_MAIN=1", "ADDR="+addr, "PORT="+port)
	var out testOutput
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("could not start main in a child process: %v", err)
	}
	exited := make(chan struct{})
	var exitErr error
	var exitedAt time.Time
	go func() {
		exitErr = cmd.Wait()
		exitedAt = time.Now()
		close(exited)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	exitedWithin := func(d time.Duration) bool {
		select {
		case <-exited:
			return true
		case <-time.After(d):
			return false
		}
	}

	// Wait until main listens on ADDR.
	for start := time.Now(); ; {
		c, err := net.DialTimeout("tcp", addr, 100*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if exitedWithin(20 * time.Millisecond) {
			t.Fatalf("main ended (%s) before it listened on ADDR=%s; it printed:\n%s", testExitText(exitErr), addr, out.String())
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("main did not listen on ADDR=%s within 5s; it printed:\n%s", addr, out.String())
		}
	}

	type result struct {
		status int
		body   string
		err    error
		at     time.Time
	}
	done := make(chan result, 1)
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	go func() {
		var r result
		resp, err := client.Get("http://" + addr + "/slow?ms=800")
		if err == nil {
			var b []byte
			b, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			r.status, r.body = resp.StatusCode, string(b)
		}
		r.err, r.at = err, time.Now()
		done <- r
	}()
	select {
	case r := <-done:
		t.Fatalf("GET /slow?ms=800 was over before SIGTERM was to be sent, 200ms after it: status %d, error %v", r.status, r.err)
	case <-time.After(200 * time.Millisecond):
	}

	const setup = "GET /slow?ms=800 in flight, SIGTERM 200ms after it was sent"
	signalled := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("%s: could not send SIGTERM: %v (the process had ended: %s)", setup, err, testExitText(exitErr))
	}

	// While the request runs, new connections must start being refused.
	refusedAfter := time.Duration(-1)
	var r result
wait:
	for {
		select {
		case r = <-done:
			break wait
		case <-time.After(20 * time.Millisecond):
			if refusedAfter < 0 && testRefused(addr) {
				refusedAfter = time.Since(signalled)
			}
		}
	}

	if r.err != nil {
		if exitedWithin(time.Second) {
			msg := fmt.Sprintf("%s: %s after SIGTERM, before the request was answered, the process ended: %s; the client got: %v.",
				setup, testMs(exitedAt.Sub(signalled)), testExitText(exitErr), r.err)
			if strings.Contains(out.String(), "context canceled") {
				msg += " Its output mentions \"context canceled\": Shutdown given a context that is already done (the signal context, once the signal has come) returns that error at once, without waiting for the requests in flight."
			}
			t.Fatalf("%s It printed:\n%s", msg, out.String())
		}
		t.Fatalf("%s: the request's connection was closed without an answer %s after SIGTERM, while the program went on running (srv.Close closes busy connections at once; srv.Shutdown waits for them); the client got: %v",
			setup, testMs(r.at.Sub(signalled)), r.err)
	}
	if r.status != http.StatusOK {
		t.Fatalf("%s: the request got status %d, body %q; want 200", setup, r.status, r.body)
	}
	answered := r.at
	if refusedAfter < 0 && !exitedWithin(0) && !testRefused(addr) {
		t.Errorf("%s: new connections were still accepted while the request was in flight (%s after SIGTERM) and after it was answered: the server did not stop listening", setup, testMs(answered.Sub(signalled)))
	} else if refusedAfter > time.Second {
		t.Errorf("%s: new connections were refused only %s after SIGTERM, want within 1s", setup, testMs(refusedAfter))
	}

	if !exitedWithin(2 * time.Second) {
		t.Fatalf("%s: the request was answered, but the program was still running 2s later; it printed:\n%s", setup, out.String())
	}
	if exitErr != nil {
		hint := ""
		if strings.Contains(out.String(), "http: Server closed") {
			hint = " Its output holds \"http: Server closed\" (http.ErrServerClosed), which ListenAndServe returns once Shutdown has begun: the normal end, not a failure."
		}
		t.Errorf("%s: the request was answered, then the program ended with %s, want exit status 0.%s It printed:\n%s", setup, testExitText(exitErr), hint, out.String())
	}
}
