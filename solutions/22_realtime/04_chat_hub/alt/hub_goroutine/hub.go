// Alternative: one goroutine owns the set of clients; joining, leaving,
// counting and broadcasting are requests sent to it over channels, so no
// mutex is needed. Each client has its own writer goroutine.
package chat

import (
	"context"
	"net/http"
	"time"

	"github.com/coder/websocket"
)

type message struct {
	from *client
	typ  websocket.MessageType
	data []byte
}

type client struct {
	conn *websocket.Conn
	out  chan message
}

// Hub connects chat clients. Its methods are safe for concurrent use.
type Hub struct {
	join      chan *client
	leave     chan *client
	broadcast chan message
	count     chan chan int
}

// NewHub returns a Hub with no clients.
func NewHub() *Hub {
	h := &Hub{
		join:      make(chan *client),
		leave:     make(chan *client),
		broadcast: make(chan message),
		count:     make(chan chan int),
	}
	go h.run()
	return h
}

func (h *Hub) run() {
	clients := map[*client]struct{}{}
	for {
		select {
		case c := <-h.join:
			clients[c] = struct{}{}
		case c := <-h.leave:
			if _, ok := clients[c]; ok {
				delete(clients, c)
				close(c.out)
			}
		case m := <-h.broadcast:
			for c := range clients {
				if c == m.from {
					continue
				}
				select {
				case c.out <- m:
				default: // its queue is full: it misses this one
				}
			}
		case reply := <-h.count:
			reply <- len(clients)
		}
	}
}

// Count returns the number of clients connected now.
func (h *Hub) Count() int {
	reply := make(chan int)
	h.count <- reply
	return <-reply
}

// ServeHTTP accepts a WebSocket connection and joins it to the hub.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer conn.CloseNow()
	c := &client{conn: conn, out: make(chan message, 64)}
	h.join <- c
	writerDone := make(chan struct{})
	go func() {
		defer close(writerDone)
		for m := range c.out {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err := conn.Write(ctx, m.typ, m.data)
			cancel()
			if err != nil {
				conn.CloseNow()
			}
		}
	}()
	defer func() {
		h.leave <- c
		<-writerDone
	}()
	for {
		typ, data, err := conn.Read(r.Context())
		if err != nil {
			return
		}
		h.broadcast <- message{from: c, typ: typ, data: data}
	}
}
