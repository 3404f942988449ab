package echo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// testWait is how long a test waits for anything over the network: far
// more than a correct server needs, even on a busy machine.
const testWait = 10 * time.Second

// testServer serves Echo on a loopback port; returned is closed each time
// an Echo call returns.
func testServer(t *testing.T) (url string, returned chan struct{}) {
	t.Helper()
	returned = make(chan struct{}, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { returned <- struct{}{} }()
		Echo(w, r)
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http"), returned
}

func testDial(t *testing.T, url string) *websocket.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		t.Fatalf("dialing the echo server: %v", err)
	}
	c.SetReadLimit(-1)
	t.Cleanup(func() { c.CloseNow() })
	return c
}

func testTypeName(typ websocket.MessageType) string {
	switch typ {
	case websocket.MessageText:
		return "text"
	case websocket.MessageBinary:
		return "binary"
	}
	return fmt.Sprint(typ)
}

func testShort(p []byte) string {
	if len(p) > 40 {
		return fmt.Sprintf("%q... (%d bytes)", p[:40], len(p))
	}
	return fmt.Sprintf("%q", p)
}

// testExpectClose reads from c and returns how the connection ended, or
// fails when a message arrives instead.
func testExpectClose(t *testing.T, c *websocket.Conn, after string) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	typ, msg, err := c.Read(ctx)
	if err == nil {
		t.Fatalf("%s, the server sent back a %s message %s; want the connection closed", after, testTypeName(typ), testShort(msg))
	}
	if ctx.Err() != nil {
		t.Fatalf("%s, the server neither answered nor closed the connection for %v", after, testWait)
	}
	return err
}

func TestEchoesEveryMessage(t *testing.T) {
	url, _ := testServer(t)
	c := testDial(t, url)
	msgs := []struct {
		typ  websocket.MessageType
		data []byte
	}{
		{websocket.MessageText, []byte("hello")},
		{websocket.MessageBinary, []byte{0, 1, 2, 0xff}},
		{websocket.MessageText, []byte("")},
		{websocket.MessageText, []byte("héllo wörld")},
		{websocket.MessageBinary, bytes.Repeat([]byte("ab"), MaxMessage/2)},
		{websocket.MessageText, []byte("last")},
	}
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	for i, m := range msgs {
		// A hang-up shows on the write or on the read that follows,
		// whichever comes first: both are told alike.
		if err := c.Write(ctx, m.typ, m.data); err != nil {
			t.Fatalf("sent message %d (%s %s), then reading the echo: %s", i+1, testTypeName(m.typ), testShort(m.data), testConnErr(err))
		}
		typ, got, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("sent message %d (%s %s), then reading the echo: %s", i+1, testTypeName(m.typ), testShort(m.data), testConnErr(err))
		}
		if typ != m.typ || !bytes.Equal(got, m.data) {
			t.Fatalf("sent message %d, %s %s; got back %s %s, want the same type and content", i+1, testTypeName(m.typ), testShort(m.data), testTypeName(typ), testShort(got))
		}
	}
}

func TestReadLimit(t *testing.T) {
	url, returned := testServer(t)
	c := testDial(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	big := bytes.Repeat([]byte("x"), MaxMessage+1)
	// A server that hangs up may do so while the message is still being
	// written or just after: the same outcome, told in the same words.
	err := c.Write(ctx, websocket.MessageText, big)
	if err == nil {
		err = testExpectClose(t, c, fmt.Sprintf("after a message of %d bytes (MaxMessage+1)", len(big)))
	}
	switch got := websocket.CloseStatus(err); got {
	case websocket.StatusMessageTooBig:
	case -1:
		t.Errorf("after a message of MaxMessage+1 bytes, %s without a close frame; want a close frame with StatusMessageTooBig (1009)", testConnErr(err))
	default:
		t.Errorf("after a message of MaxMessage+1 bytes, the connection ended with status %v; want StatusMessageTooBig (1009)", got)
	}
	select {
	case <-returned:
	case <-time.After(testWait):
		t.Errorf("the connection ended after a message that was too big, but Echo had not returned %v later", testWait)
	}
}

func TestQuitClosesNormally(t *testing.T) {
	url, returned := testServer(t)
	c := testDial(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	if err := c.Write(ctx, websocket.MessageText, []byte("quit")); err != nil {
		t.Fatalf(`after "quit", the connection ended with %s and no close status; want a close frame with StatusNormalClosure (c.Close, not c.CloseNow)`, testConnErr(err))
	}
	err := testExpectClose(t, c, `after the text message "quit"`)
	var ce websocket.CloseError
	if !errors.As(err, &ce) {
		t.Fatalf(`after "quit", the connection ended with %s and no close status; want a close frame with StatusNormalClosure (c.Close, not c.CloseNow)`, testConnErr(err))
	}
	if ce.Code != websocket.StatusNormalClosure || ce.Reason != "bye" {
		t.Errorf(`after "quit", the server closed with status %v and reason %q, want StatusNormalClosure and "bye"`, ce.Code, ce.Reason)
	}
	select {
	case <-returned:
	case <-time.After(testWait):
		t.Errorf(`the server closed the connection after "quit", but Echo had not returned %v later`, testWait)
	}
}

func TestReturnsWhenClientCloses(t *testing.T) {
	url, returned := testServer(t)
	c := testDial(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), testWait)
	defer cancel()
	for _, m := range []string{"one", "two"} {
		if err := c.Write(ctx, websocket.MessageText, []byte(m)); err != nil {
			t.Fatalf("sent %q, got back %q (error: %s), want %q", m, "", testConnErr(err), m)
		}
		if _, got, err := c.Read(ctx); err != nil || string(got) != m {
			t.Fatalf("sent %q, got back %q (error: %s), want %q", m, got, testConnErr(err), m)
		}
	}
	if err := c.Close(websocket.StatusNormalClosure, ""); err != nil {
		t.Errorf("after two messages, the client's Close (with StatusNormalClosure) failed: %v; the server must read on, so that the library answers the close frame", err)
	}
	select {
	case <-returned:
	case <-time.After(testWait):
		t.Errorf("the client closed the connection, but Echo had not returned %v later", testWait)
	}
}

// testConnErr says how a connection ended in words that do not depend on
// timing: a server that hung up shows as EOF, a reset or a broken pipe,
// whichever the operating system saw first.
func testConnErr(err error) string {
	if err == nil {
		return "no error"
	}
	msg := err.Error()
	for _, hungUp := range []string{"EOF", "connection reset by peer", "broken pipe"} {
		if strings.Contains(msg, hungUp) {
			return "the server closed the connection"
		}
	}
	return msg
}
