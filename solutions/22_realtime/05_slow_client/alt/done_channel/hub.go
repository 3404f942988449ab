// Alternative: the queue channel is never closed; a client that leaves or
// is too slow has its own "gone" channel closed once (sync.Once), and
// Broadcast hangs up on a slow client itself with CloseNow.
package broadcast

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/coder/websocket"
)

type subscriber struct {
	conn     *websocket.Conn
	messages chan []byte
	gone     chan struct{}
	once     sync.Once
}

func (s *subscriber) hangUp() {
	s.once.Do(func() {
		close(s.gone)
		s.conn.CloseNow()
	})
}

// Hub sends every broadcast message to every connected client.
type Hub struct {
	QueueSize int

	mu   sync.RWMutex
	subs map[*subscriber]struct{}
}

// NewHub returns a Hub with no clients.
func NewHub(queueSize int) *Hub {
	return &Hub{QueueSize: queueSize, subs: map[*subscriber]struct{}{}}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.subs)
}

// Broadcast queues msg for every client and never waits.
func (h *Hub) Broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		select {
		case s.messages <- msg:
		default:
			delete(h.subs, s)
			s.hangUp()
		}
	}
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	s := &subscriber{conn: conn, messages: make(chan []byte, h.QueueSize), gone: make(chan struct{})}
	h.mu.Lock()
	h.subs[s] = struct{}{}
	h.mu.Unlock()

	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for {
			select {
			case <-s.gone:
				return
			case msg := <-s.messages:
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				err := conn.Write(ctx, websocket.MessageText, msg)
				cancel()
				if err != nil {
					s.hangUp()
					return
				}
			}
		}
	}()

	for {
		if _, _, err := conn.Read(context.Background()); err != nil {
			break
		}
	}
	h.mu.Lock()
	delete(h.subs, s)
	h.mu.Unlock()
	s.hangUp()
	<-writerDone
}
