// Wrong: joins and leaves without the lock, so two clients connecting at
// once write the map at the same time (a data race).
package chat

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// Hub connects chat clients. Its methods are safe for concurrent use.
type Hub struct {
	mu      sync.Mutex // guards clients
	clients map[*websocket.Conn]bool
}

// NewHub returns a Hub with no clients.
func NewHub() *Hub {
	return &Hub{clients: make(map[*websocket.Conn]bool)}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// others returns every client but c, copied so that no lock is held while
// writing to them.
func (h *Hub) others(c *websocket.Conn) []*websocket.Conn {
	h.mu.Lock()
	defer h.mu.Unlock()
	list := make([]*websocket.Conn, 0, len(h.clients))
	for other := range h.clients {
		if other != c {
			list = append(list, other)
		}
	}
	return list
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub. Every
// message the client sends is sent, with the same type, to every other
// client connected at that time. When the connection ends, the client
// leaves the hub and ServeHTTP returns.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	h.clients[c] = true
	defer delete(h.clients, c)
	for {
		typ, msg, err := c.Read(context.Background())
		if err != nil {
			return
		}
		for _, other := range h.others(c) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			other.Write(ctx, typ, msg) // a failed write ends that client's own Read
			cancel()
		}
	}
}
