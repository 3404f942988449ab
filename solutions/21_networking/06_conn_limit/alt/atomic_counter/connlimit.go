// Alternative: an atomic counter instead of a channel (take a slot with
// Add(1), give it back if that went over Max), and each refusal written in
// a goroutine of its own so the accept loop never waits.
package connlimit

import (
	"net"
	"sync/atomic"
	"time"
)

// Refusal is the line sent to a connection over the limit.
const Refusal = "ERR too many connections\n"

// Server serves connections with Handle, at most Max at once.
type Server struct {
	Max    int
	Handle func(net.Conn)

	active atomic.Int64
}

// Serve accepts connections on ln until Accept fails.
func (s *Server) Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		if s.active.Add(1) > int64(s.Max) {
			s.active.Add(-1)
			go func() {
				defer conn.Close()
				conn.SetWriteDeadline(time.Now().Add(time.Second))
				conn.Write([]byte(Refusal))
			}()
			continue
		}
		go func() {
			defer s.active.Add(-1)
			defer conn.Close()
			s.Handle(conn)
		}()
	}
}
