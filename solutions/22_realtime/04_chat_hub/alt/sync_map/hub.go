// Alternative: keeps the clients in a sync.Map keyed by connection, with an
// atomic counter, and writes to the others one by one as it ranges.
package chat

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// Hub connects chat clients. Its methods are safe for concurrent use.
type Hub struct {
	conns sync.Map // *websocket.Conn → struct{}
	n     atomic.Int64
}

// NewHub returns a Hub with no clients.
func NewHub() *Hub { return new(Hub) }

// Count returns the number of clients connected now.
func (h *Hub) Count() int { return int(h.n.Load()) }

// ServeHTTP accepts a WebSocket connection and joins it to the hub.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	h.conns.Store(conn, struct{}{})
	h.n.Add(1)
	defer func() {
		h.conns.Delete(conn)
		h.n.Add(-1)
		conn.CloseNow()
	}()
	for {
		typ, data, err := conn.Read(context.Background())
		if err != nil {
			return
		}
		h.conns.Range(func(k, _ any) bool {
			if other := k.(*websocket.Conn); other != conn {
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				other.Write(ctx, typ, data)
			}
			return true
		})
	}
}
