// Wrong: closes the queue when the client leaves even if Broadcast has
// already closed it: a slow client's queue is closed twice (a panic).
package broadcast

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// writeTimeout bounds one write: a client that takes longer is gone.
const writeTimeout = 10 * time.Second

// client is one connection and its queue. The queue is closed, exactly
// once, by whoever removes the client from the hub's map.
type client struct {
	conn  *websocket.Conn
	queue chan []byte
}

// Hub sends every broadcast message to every connected client. Its methods
// are safe for concurrent use.
type Hub struct {
	QueueSize int // how many messages may wait for one client

	mu      sync.Mutex // guards clients
	clients map[*client]bool
}

// NewHub returns a Hub with no clients, whose clients may each have
// queueSize messages waiting.
func NewHub(queueSize int) *Hub {
	return &Hub{QueueSize: queueSize, clients: make(map[*client]bool)}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// Broadcast sends msg, as a text message, to every client, in the order of
// the calls. It never waits for a client: a client that already has
// QueueSize messages waiting is too slow, and is disconnected (it leaves
// the hub, and its connection is closed).
func (h *Hub) Broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c.queue <- msg:
		default:
			h.removeLocked(c) // its writer sees the closed queue and hangs up
		}
	}
}

// removeLocked takes c out of the hub and closes its queue, if it is still
// there. h.mu must be held.
func (h *Hub) removeLocked(c *client) {
	if h.clients[c] {
		delete(h.clients, c)
		close(c.queue)
	}
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub until
// the connection ends; then the client leaves and ServeHTTP returns, with
// nothing of it left running. What the client sends is ignored.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	c := &client{conn: conn, queue: make(chan []byte, h.QueueSize)}
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()

	var wg sync.WaitGroup
	wg.Go(func() { h.write(c) })
	defer wg.Wait()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		close(c.queue)
		h.mu.Unlock()
	}()
	for {
		if _, _, err := conn.Read(context.Background()); err != nil {
			return
		}
	}
}

// write sends c's queued messages until its queue is closed.
func (h *Hub) write(c *client) {
	for msg := range c.queue {
		ctx, cancel := context.WithTimeout(context.Background(), writeTimeout)
		err := c.conn.Write(ctx, websocket.MessageText, msg)
		cancel()
		if err != nil {
			c.conn.CloseNow() // the reader's Read fails, and it cleans up
		}
	}
	// The queue was closed: the client left, or was too slow.
	c.conn.CloseNow()
}
