// Alternative: a mutex-guarded count of the connections being served, and
// the refusal sent with fmt.Fprint under SetDeadline.
package connlimit

import (
	"fmt"
	"net"
	"sync"
	"time"
)

// Refusal is the line sent to a connection over the limit.
const Refusal = "ERR too many connections\n"

// Server serves connections with Handle, at most Max at once.
type Server struct {
	Max    int
	Handle func(net.Conn)

	mu      sync.Mutex
	serving int
}

func (s *Server) take() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.serving >= s.Max {
		return false
	}
	s.serving++
	return true
}

func (s *Server) give() {
	s.mu.Lock()
	s.serving--
	s.mu.Unlock()
}

// Serve accepts connections on ln until Accept fails.
func (s *Server) Serve(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		if !s.take() {
			c.SetDeadline(time.Now().Add(500 * time.Millisecond))
			fmt.Fprint(c, Refusal)
			c.Close()
			continue
		}
		go func() {
			defer s.give()
			defer c.Close()
			s.Handle(c)
		}()
	}
}
