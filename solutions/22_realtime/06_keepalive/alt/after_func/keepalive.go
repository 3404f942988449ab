// Alternative: schedules each ping with time.AfterFunc, the next one from
// the callback of the previous, and stops the chain with a closed channel.
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

type pinger struct {
	s       *Server
	c       *websocket.Conn
	mu      sync.Mutex
	timer   *time.Timer
	stopped bool
	running sync.WaitGroup
}

func (p *pinger) schedule() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	p.running.Add(1)
	p.timer = time.AfterFunc(p.s.Interval, func() {
		defer p.running.Done()
		ctx, cancel := context.WithTimeout(context.Background(), p.s.Timeout)
		defer cancel()
		if err := p.c.Ping(ctx); err != nil {
			p.c.CloseNow()
			return
		}
		p.schedule()
	})
}

func (p *pinger) stop() {
	p.mu.Lock()
	p.stopped = true
	if p.timer != nil && p.timer.Stop() {
		p.running.Done() // the callback will never run
	}
	p.mu.Unlock()
	p.running.Wait()
}

// ServeHTTP accepts a WebSocket connection, echoes every message back, and
// pings the client every Interval.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	p := &pinger{s: s, c: c}
	p.schedule()
	defer p.stop()
	for {
		typ, msg, err := c.Read(context.Background())
		if err != nil {
			c.CloseNow() // a running ping ends at once
			return
		}
		if err := c.Write(context.Background(), typ, msg); err != nil {
			return
		}
	}
}
