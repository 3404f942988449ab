// A chat hub: every message a client sends goes to every other client. As
// written, the sender gets its own messages back, a client that left stays
// in the hub forever, and clients joining at the same time write to the map
// at once (the tests run with -race). Fix all three. You are done when the
// verdict says every test passes.
package chat

import (
	"context"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

// Hub connects chat clients. Its methods are safe for concurrent use.
type Hub struct {
	clients map[*websocket.Conn]bool
}

// NewHub returns a Hub with no clients.
func NewHub() *Hub {
	return &Hub{clients: make(map[*websocket.Conn]bool)}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	return len(h.clients)
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
	h.clients[c] = true // TODO: join safely, and leave when the connection ends
	for {
		typ, msg, err := c.Read(context.Background())
		if err != nil {
			return
		}
		for other := range h.clients { // TODO: every other client
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			other.Write(ctx, typ, msg) // a failed write ends that client's own Read
			cancel()
		}
	}
}
