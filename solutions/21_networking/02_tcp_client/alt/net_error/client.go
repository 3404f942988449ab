// Alternative: one deadline for the whole exchange, timeouts recognised
// with net.Error's Timeout method, the line read with net/textproto, and a
// goroutine that closes the connection when ctx ends.
package tcpclient

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/textproto"
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
	dctx, cancel := context.WithTimeout(ctx, c.DialTimeout)
	defer cancel()
	conn, err := c.dial(dctx)
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return "", fmt.Errorf("dial %s: %w", c.Addr, ctx.Err())
	case dctx.Err() != nil:
		return "", fmt.Errorf("dial %s: %w (%v)", c.Addr, ErrTimeout, err)
	default:
		return "", fmt.Errorf("dial %s: %w", c.Addr, err)
	}

	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
			conn.Close()
		case <-done:
		}
	}()
	defer conn.Close()

	if err := conn.SetReadDeadline(time.Now().Add(c.ReadTimeout)); err != nil {
		return "", err
	}
	if _, err := conn.Write([]byte(line + "\n")); err != nil {
		return "", c.wrap(ctx, err)
	}
	answer, err := textproto.NewReader(bufio.NewReader(conn)).ReadLine()
	if err != nil {
		return "", c.wrap(ctx, err)
	}
	return answer, nil
}

func (c *Client) wrap(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s: %w", c.Addr, ctx.Err())
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("%s: no answer: %w", c.Addr, ErrTimeout)
	}
	return fmt.Errorf("%s: %w", c.Addr, err)
}
