// Alternative: the handler's own goroutine does the pinging with a timer
// reset after each pong, while a second goroutine reads and echoes; either
// one ending ends the other.
package keepalive

import (
	"context"
	"errors"
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

var errDead = errors.New("no pong in time")

// ServeHTTP accepts a WebSocket connection, echoes every message back, and
// pings the client every Interval.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		defer cancel(nil)
		for {
			typ, msg, err := c.Read(ctx)
			if err != nil {
				return
			}
			if c.Write(ctx, typ, msg) != nil {
				return
			}
		}
	}()

	timer := time.NewTimer(s.Interval)
	defer timer.Stop()
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-timer.C:
			pctx, pcancel := context.WithTimeout(ctx, s.Timeout)
			err := c.Ping(pctx)
			pcancel()
			if err != nil {
				cancel(errDead)
				break loop
			}
			timer.Reset(s.Interval)
		}
	}
	c.CloseNow()
	<-readerDone
}
