// Alternative: context.WithTimeoutCause marks both time limits with
// ErrTimeout as the cause; the read runs in a goroutine and a select on the
// context closes the connection, instead of a read deadline.
package tcpclient

import (
	"bufio"
	"context"
	"errors"
	"fmt"
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

// Ask sends line and returns the first line of the answer.
func (c *Client) Ask(ctx context.Context, line string) (string, error) {
	dctx, cancel := context.WithTimeoutCause(ctx, c.DialTimeout, ErrTimeout)
	conn, err := c.dial(dctx)
	if err != nil {
		cause := context.Cause(dctx)
		cancel()
		if cause != nil {
			return "", fmt.Errorf("dial %s: %w", c.Addr, cause)
		}
		return "", fmt.Errorf("dial %s: %w", c.Addr, err)
	}
	cancel()
	defer conn.Close()

	rctx, cancel := context.WithTimeoutCause(ctx, c.ReadTimeout, ErrTimeout)
	defer cancel()
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		if _, err := fmt.Fprintf(conn, "%s\n", line); err != nil {
			ch <- result{"", err}
			return
		}
		s, err := bufio.NewReader(conn).ReadString('\n')
		ch <- result{strings.TrimSuffix(s, "\n"), err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return "", fmt.Errorf("%s: %w", c.Addr, r.err)
		}
		return r.line, nil
	case <-rctx.Done():
		conn.Close() // ends the goroutine's read
		<-ch
		return "", fmt.Errorf("%s: %w", c.Addr, context.Cause(rctx))
	}
}
