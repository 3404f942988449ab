// Broadcasting to WebSocket clients without letting one slow client stop
// everyone. As written, Broadcast writes to every connection in turn, so a
// client that does not read makes it wait, and every client after it with
// it. Give each client a queue of at most QueueSize messages and a
// goroutine that writes them; Broadcast only queues, and disconnects a
// client whose queue is full. You are done when the verdict says every
// test passes.
package broadcast

import (
	"context"
	"net/http"
	"sync"

	"github.com/coder/websocket"
)

// Hub sends every broadcast message to every connected client. Its methods
// are safe for concurrent use.
type Hub struct {
	QueueSize int // how many messages may wait for one client

	mu      sync.Mutex // guards clients
	clients map[*websocket.Conn]bool
}

// NewHub returns a Hub with no clients, whose clients may each have
// queueSize messages waiting.
func NewHub(queueSize int) *Hub {
	return &Hub{QueueSize: queueSize, clients: make(map[*websocket.Conn]bool)}
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
		c.Write(context.Background(), websocket.MessageText, msg) // TODO: never wait
	}
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub until
// the connection ends; then the client leaves and ServeHTTP returns, with
// nothing of it left running. What the client sends is ignored.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	for {
		if _, _, err := c.Read(context.Background()); err != nil {
			return
		}
	}
}
