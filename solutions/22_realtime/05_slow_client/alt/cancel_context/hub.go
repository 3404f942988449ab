// Alternative: each client has a context; Broadcast cancels it when the
// client's queue is full. The reader and the writer both use that context,
// and the library closes the connection when a context it is given ends.
package broadcast

import (
	"context"
	"net/http"
	"sync"

	"github.com/coder/websocket"
)

type member struct {
	out    chan []byte
	cancel context.CancelFunc
}

// Hub sends every broadcast message to every connected client.
type Hub struct {
	QueueSize int

	mu      sync.Mutex
	members map[*member]bool
}

// NewHub returns a Hub with no clients.
func NewHub(queueSize int) *Hub {
	return &Hub{QueueSize: queueSize, members: make(map[*member]bool)}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.members)
}

// Broadcast queues msg for every client and never waits.
func (h *Hub) Broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for m := range h.members {
		if len(m.out) == cap(m.out) {
			delete(h.members, m)
			m.cancel()
			continue
		}
		m.out <- msg // cannot block: only Broadcast sends, under h.mu
	}
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := &member{out: make(chan []byte, h.QueueSize), cancel: cancel}
	h.mu.Lock()
	h.members[m] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.members, m)
		h.mu.Unlock()
	}()

	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case msg := <-m.out:
				if conn.Write(ctx, websocket.MessageText, msg) != nil {
					cancel()
					return
				}
			}
		}
	})
	for {
		if _, _, err := conn.Read(ctx); err != nil {
			return
		}
	}
}
