// A TCP server that serves at most Max connections at once: a buffered
// channel is the semaphore, a select with a default refuses at once over
// the limit, and the refusal has a write deadline.
package connlimit

import (
	"io"
	"net"
	"time"
)

// Refusal is the line sent to a connection over the limit.
const Refusal = "ERR too many connections\n"

// Server serves connections with Handle, at most Max at once.
type Server struct {
	Max    int            // connections served at once (at least 1)
	Handle func(net.Conn) // serves one connection; Serve closes it after
}

// Serve accepts connections on ln until Accept fails (ln was closed), and
// returns that error. Connections still being served carry on.
func (s *Server) Serve(ln net.Listener) error {
	slots := make(chan struct{}, s.Max)
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		select {
		case slots <- struct{}{}:
			go func() {
				defer func() { <-slots }()
				defer c.Close()
				s.Handle(c)
			}()
		default:
			refuse(c)
		}
	}
}

// refuse tells c that the server is full, and closes it.
func refuse(c net.Conn) {
	c.SetWriteDeadline(time.Now().Add(time.Second))
	io.WriteString(c, Refusal)
	c.Close()
}
