// Wrong: reads with a context that ends after Interval, to ping between
// reads in one goroutine; but a Read whose context ends closes the
// connection (coder/websocket), so every quiet client is dropped.
package keepalive

import (
	"context"
	"net/http"
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
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	for {
		readCtx, cancel := context.WithTimeout(context.Background(), s.Interval)
		typ, msg, err := c.Read(readCtx)
		cancel()
		if err == nil {
			if c.Write(context.Background(), typ, msg) != nil {
				return
			}
			continue
		}
		if readCtx.Err() == nil {
			return // the connection ended
		}
		// No message for an Interval: ping.
		pingCtx, cancel := context.WithTimeout(context.Background(), s.Timeout)
		err = c.Ping(pingCtx)
		cancel()
		if err != nil {
			return
		}
	}
}
