package udpsum

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

func TestAnswer(t *testing.T) {
	for _, tc := range []struct{ name, req, want string }{
		{"three numbers", "1 2 3", "6"},
		{"negative numbers", "-5 5 -1", "-1"},
		{"one number", "42", "42"},
		{"extra spaces and a newline", "  7   8 \n", "15"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Answer([]byte(tc.req)); got != tc.want {
				t.Errorf("Answer(%q) = %q, want %q", tc.req, got, tc.want)
			}
		})
	}
	for _, tc := range []struct{ name, req string }{
		{"empty", ""},
		{"only spaces", "   "},
		{"a word", "1 two 3"},
		{"a number with junk", "12abc"},
		{"too big for int64", "99999999999999999999"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Answer([]byte(tc.req)); !strings.HasPrefix(got, "ERR ") {
				t.Errorf("Answer(%q) = %q, want a reply starting with \"ERR \"", tc.req, got)
			}
		})
	}
}

// testStart runs Serve on a loopback UDP socket; the returned stop cancels
// ctx and checks that Serve returns.
func testStart(t *testing.T) (addr string, stop func()) {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, pc) }()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve after ctx was cancelled = %v, want nil", err)
			}
		case <-time.After(3 * time.Second):
			pc.Close()
			t.Errorf("Serve had not returned 3s after ctx was cancelled (close pc when ctx ends)")
		}
	}
	t.Cleanup(stop)
	return pc.LocalAddr().String(), stop
}

// testDial opens a client socket to addr.
func testDial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("udp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// testRequest sends one datagram and waits up to 3s for the reply.
func testRequest(c net.Conn, req string) (string, error) {
	c.SetDeadline(time.Now().Add(3 * time.Second))
	if _, err := c.Write([]byte(req)); err != nil {
		return "", err
	}
	buf := make([]byte, 2048)
	n, err := c.Read(buf)
	return string(buf[:n]), err
}

func TestServe(t *testing.T) {
	addr, _ := testStart(t)
	c := testDial(t, addr)
	// In this order: a short request after a longer one must not see what
	// is left of it in the buffer.
	for _, tc := range []struct{ req, want string }{
		{"100 200 300", "600"},
		{"1 2", "3"},
		{"40 2", "42"},
		{"5", "5"},
	} {
		got, err := testRequest(c, tc.req)
		switch {
		case err != nil:
			t.Errorf("sent %q: no reply (%v), want %q", tc.req, err, tc.want)
		case got != tc.want && tc.req != "100 200 300":
			t.Errorf("sent %q after longer requests: reply %q, want %q (the request is buf[:n], not the whole buffer)", tc.req, got, tc.want)
		case got != tc.want:
			t.Errorf("sent %q: reply %q, want %q", tc.req, got, tc.want)
		}
	}
}

func TestMalformed(t *testing.T) {
	addr, _ := testStart(t)
	c := testDial(t, addr)
	for _, req := range []string{"", "one two", "3 x", "\x00\xff"} {
		got, err := testRequest(c, req)
		if err != nil || !strings.HasPrefix(got, "ERR ") {
			t.Errorf("sent %q: reply %q, %v; want a reply starting with \"ERR \"", req, got, err)
		}
		// The server must still be there.
		got, err = testRequest(c, "2 2")
		switch {
		case err != nil:
			t.Fatalf("after the malformed request %q, sent \"2 2\": no reply (%v), want \"4\" (a bad request must not stop the server)", req, err)
		case got != "4":
			t.Errorf("after the malformed request %q, sent \"2 2\": reply %q, want \"4\"", req, got)
		}
	}
}

func TestTooLong(t *testing.T) {
	addr, _ := testStart(t)
	c := testDial(t, addr)
	for _, size := range []int{MaxRequest + 1, 2 * MaxRequest, 1400} {
		req := strings.Repeat("1 ", size/2+1)[:size]
		got, err := testRequest(c, req)
		switch {
		case err != nil:
			t.Errorf("sent a request of %d bytes (MaxRequest is %d): no reply (%v), want a reply starting with \"ERR\"", size, MaxRequest, err)
		case !strings.HasPrefix(got, "ERR"):
			t.Errorf("sent a request of %d bytes (MaxRequest is %d): reply %q, want a reply starting with \"ERR\" (ReadFrom cuts a datagram longer than the buffer without an error: read into MaxRequest+1 bytes)", size, MaxRequest, got)
		}
	}
	exact := strings.Repeat("1 ", MaxRequest/2)
	got, err := testRequest(c, exact)
	if want := "256"; err != nil || got != want {
		t.Errorf("sent a request of exactly MaxRequest (%d) bytes: reply %q, %v; want %q", MaxRequest, got, err, want)
	}
}

func TestTwoClients(t *testing.T) {
	addr, _ := testStart(t)
	a, b := testDial(t, addr), testDial(t, addr)
	for i := range 3 {
		if got, err := testRequest(a, "1 1"); err != nil || got != "2" {
			t.Errorf("round %d, client A sent \"1 1\": reply %q, %v; want \"2\"", i+1, got, err)
		}
		if got, err := testRequest(b, "10 10"); err != nil || got != "20" {
			t.Errorf("round %d, client B sent \"10 10\": reply %q, %v; want \"20\" (answer each datagram to the address ReadFrom returned)", i+1, got, err)
		}
	}
}

func TestStop(t *testing.T) {
	addr, stop := testStart(t)
	c := testDial(t, addr)
	if got, err := testRequest(c, "1"); err != nil || got != "1" {
		t.Fatalf("sent \"1\": reply %q, %v; want \"1\"", got, err)
	}
	stop()
	c.SetDeadline(time.Now().Add(500 * time.Millisecond))
	c.Write([]byte("1"))
	if n, err := c.Read(make([]byte, 64)); err == nil {
		t.Errorf("after ctx was cancelled, a request still got a reply of %d bytes, want none (the socket closed)", n)
	}
}
