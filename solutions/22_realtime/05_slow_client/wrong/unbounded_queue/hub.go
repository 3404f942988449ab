// Wrong: gives each client an unbounded queue (a slice that grows), so a
// client that never reads is never disconnected and its queue grows
// without limit.
package broadcast

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

type client struct {
	conn   *websocket.Conn
	mu     sync.Mutex
	queue  [][]byte
	wake   chan struct{} // has a value when the queue may be non-empty
	closed bool
}

// Hub sends every broadcast message to every connected client.
type Hub struct {
	QueueSize int

	mu      sync.Mutex
	clients map[*client]bool
}

// NewHub returns a Hub with no clients.
func NewHub(queueSize int) *Hub {
	return &Hub{QueueSize: queueSize, clients: make(map[*client]bool)}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// Broadcast queues msg for every client.
func (h *Hub) Broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		c.mu.Lock()
		c.queue = append(c.queue, msg)
		c.mu.Unlock()
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	c := &client{conn: conn, wake: make(chan struct{}, 1)}
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	var wg sync.WaitGroup
	wg.Go(func() { c.write() })
	defer wg.Wait()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
		c.mu.Lock()
		c.closed = true
		c.mu.Unlock()
		select {
		case c.wake <- struct{}{}:
		default:
		}
	}()
	for {
		if _, _, err := conn.Read(context.Background()); err != nil {
			return
		}
	}
}

func (c *client) write() {
	for range c.wake {
		for {
			c.mu.Lock()
			if c.closed {
				c.mu.Unlock()
				return
			}
			if len(c.queue) == 0 {
				c.mu.Unlock()
				break
			}
			msg := c.queue[0]
			c.queue = c.queue[1:]
			c.mu.Unlock()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			err := c.conn.Write(ctx, websocket.MessageText, msg)
			cancel()
			if err != nil {
				c.conn.CloseNow()
			}
		}
	}
}
