// Keep-alive: a peer that vanishes (a laptop lid closed, a network cable
// pulled) sends no close frame, and a server that only waits to read from
// it waits forever. Make ServeHTTP ping the client every Interval and give
// up on it when no pong comes back within Timeout. You are done when the
// verdict says every test passes.
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
	ctx := context.Background()
	// TODO: ping every s.Interval, concurrently with the reads below
	// (c.Ping waits for a pong, which only a Read can receive).
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
