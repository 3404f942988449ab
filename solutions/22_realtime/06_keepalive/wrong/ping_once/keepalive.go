// Wrong: uses a timer that is never reset, so it pings only once, and a
// peer that dies after the first ping is never noticed.
package keepalive

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Server serves WebSocket connections that echo messages and are kept
// alive with pings.
type Server struct {
	Interval time.Duration // time between pings
	Timeout  time.Duration // how long to wait for each pong
}

// ServeHTTP accepts a WebSocket connection and echoes every message back.
// From Interval after the connection opens, it sends a ping every
// Interval; if the pong does not arrive within Timeout, the peer is dead:
// ServeHTTP closes the connection and returns. It also returns when the
// connection ends, with nothing of it left running.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // runs first: stops the pinger, which wg.Wait waits for
	wg.Go(func() { s.keepAlive(ctx, c) })
	for {
		typ, msg, err := c.Read(ctx)
		if err != nil {
			return
		}
		if err := c.Write(ctx, typ, msg); err != nil {
			return
		}
	}
}

// keepAlive pings c every s.Interval until ctx ends, and closes c when a
// pong does not come back in time; the Read in ServeHTTP then fails.
func (s *Server) keepAlive(ctx context.Context, c *websocket.Conn) {
	t := time.NewTimer(s.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pingCtx, cancel := context.WithTimeout(ctx, s.Timeout)
		err := c.Ping(pingCtx)
		cancel()
		if err != nil {
			c.CloseNow() // dead, or already gone
			return
		}
	}
}
