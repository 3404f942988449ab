package realtime

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// ANCHOR: hub
// client is one connection with its queue of messages to send.
type client struct {
	conn  *websocket.Conn // nil in the example below
	queue chan []byte     // bounded: make(chan []byte, queueSize)
}

type Hub struct {
	mu      sync.Mutex
	clients map[*client]bool
}

// Broadcast never waits: a client whose queue is full is dropped.
func (h *Hub) Broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c.queue <- msg:
		default:
			h.removeLocked(c) // too slow: its writer sees the closed queue
		}
	}
}

// removeLocked removes c if it is still there. Whoever deletes c from the
// map closes its queue, so the queue is closed exactly once.
func (h *Hub) removeLocked(c *client) {
	if h.clients[c] {
		delete(h.clients, c)
		close(c.queue)
	}
}

// ANCHOR_END: hub

// ANCHOR: writer
// write is the only goroutine that writes to c.conn (besides pings and
// close frames, which the library lets run beside it).
func (c *client) write() {
	defer c.conn.CloseNow() // the queue was closed: hang up
	for msg := range c.queue {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := c.conn.Write(ctx, websocket.MessageText, msg)
		cancel()
		if err != nil {
			return // the reader's Read fails too, and it removes c
		}
	}
}

// ANCHOR_END: writer

func Example_hub() {
	fast := &client{queue: make(chan []byte, 2)}
	slow := &client{queue: make(chan []byte, 2)}
	h := &Hub{clients: map[*client]bool{fast: true, slow: true}}
	for _, m := range []string{"a", "b", "c"} {
		h.Broadcast([]byte(m))
		fmt.Printf("%s from the fast queue\n", <-fast.queue) // fast keeps up
	}
	fmt.Println("still in the hub:", len(h.clients), "; slow dropped:", !h.clients[slow])
	// Output:
	// a from the fast queue
	// b from the fast queue
	// c from the fast queue
	// still in the hub: 1 ; slow dropped: true
}
