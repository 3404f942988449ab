// Wrong: the refusal is written with no deadline in the accept loop, so one
// refused client that never reads stops the server from accepting anyone.
package connlimit

import (
	"io"
	"net"
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
	io.WriteString(c, Refusal)
	c.Close()
}
