// Ask sends one line to a server and returns its one-line answer, but as
// written it waits forever: for a connection that never completes, and for
// an answer that never comes. Give it time limits:
//   - the dial gives up after DialTimeout (call c.dial with a context that
//     has that timeout: context.WithTimeout);
//   - the answer must arrive within ReadTimeout (conn.SetReadDeadline);
//   - either limit passed: return an error that wraps ErrTimeout, so that
//     callers can tell with errors.Is(err, ErrTimeout);
//   - if ctx ends first, return at once with an error wrapping ctx.Err().
//
// You are done when the verdict says the hidden tests pass.
package tcpclient

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// ErrTimeout says the server did not connect or answer in time.
var ErrTimeout = errors.New("tcpclient: timed out")

// Client talks to one line-protocol server.
type Client struct {
	Addr        string        // host:port of the server
	DialTimeout time.Duration // how long connecting may take
	ReadTimeout time.Duration // how long to wait for the answer

	// Dial opens connections; nil means a net.Dialer's DialContext.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

func (c *Client) dial(ctx context.Context) (net.Conn, error) {
	if c.Dial != nil {
		return c.Dial(ctx, "tcp", c.Addr)
	}
	d := net.Dialer{Timeout: c.DialTimeout}
	return d.DialContext(ctx, "tcp", c.Addr)
}

// Ask connects to the server, sends line followed by "\n", and returns the
// server's answer: the first line it sends back, without the "\n".
func (c *Client) Ask(ctx context.Context, line string) (string, error) {
	// TODO: give up on the dial after c.DialTimeout.
	conn, err := c.dial(ctx)
	if err != nil {
		return "", fmt.Errorf("connecting to %s: %w", c.Addr, err)
	}
	defer conn.Close()

	// TODO: a read deadline of c.ReadTimeout; a deadline that passes, or ctx
	// ending, must end the wait (errors wrapping ErrTimeout or ctx.Err()).
	if _, err := io.WriteString(conn, line+"\n"); err != nil {
		return "", fmt.Errorf("sending to %s: %w", c.Addr, err)
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("reading the answer from %s: %w", c.Addr, err)
	}
	return strings.TrimSuffix(answer, "\n"), nil
}
