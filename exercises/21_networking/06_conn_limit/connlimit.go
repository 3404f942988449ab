// A TCP server that serves at most Max connections at once. As written it
// starts a goroutine for every connection it accepts, however many there
// are. Limit it with a semaphore (a buffered channel of Max slots):
//   - a connection that finds a free slot is served: Handle runs in its own
//     goroutine, and the slot is given back when it returns;
//   - a connection that finds every slot taken is refused at once: it gets
//     the line Refusal and is closed. Never wait for a slot: the accept
//     loop must keep accepting (and refusing);
//   - writing the refusal must not hold up the accept loop either: give it
//     a write deadline of one second (a client that does not read is then
//     closed anyway).
//
// You are done when the verdict says the hidden tests pass.
package connlimit

import (
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
	// TODO: at most s.Max connections served at once; refuse the others.
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go func() {
			defer c.Close()
			s.Handle(c)
		}()
	}
}

// refuse tells c that the server is full, and closes it.
func refuse(c net.Conn) {
	// TODO
}
