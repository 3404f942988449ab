// Wrong: reads the answer with one Read into a fixed buffer and ignores n,
// so the answer is whatever one Read returned, padded with zero bytes.
package tcpclient

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
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
	dctx, cancel := context.WithTimeout(ctx, c.DialTimeout)
	conn, err := c.dial(dctx)
	cancel()
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return "", fmt.Errorf("connecting to %s: %w after %v", c.Addr, ErrTimeout, c.DialTimeout)
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("connecting to %s: %w", c.Addr, ctx.Err())
		}
		return "", fmt.Errorf("connecting to %s: %w", c.Addr, err)
	}
	defer conn.Close()

	conn.SetDeadline(time.Now().Add(c.ReadTimeout))
	// When ctx ends, unblock any read or write at once.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Now()) })
	defer stop()

	if _, err := io.WriteString(conn, line+"\n"); err != nil {
		return "", c.fail(ctx, "sending", err)
	}
	buf := make([]byte, 64)
	if _, err := conn.Read(buf); err != nil {
		return "", c.fail(ctx, "reading the answer", err)
	}
	answer, _, _ := strings.Cut(string(buf), "\n")
	return answer, nil
}

// fail wraps err: ctx's error if ctx ended, ErrTimeout if a deadline passed.
func (c *Client) fail(ctx context.Context, doing string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%s from %s: %w", doing, c.Addr, ctx.Err())
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return fmt.Errorf("%s from %s: %w after %v", doing, c.Addr, ErrTimeout, c.ReadTimeout)
	}
	return fmt.Errorf("%s from %s: %w", doing, c.Addr, err)
}
