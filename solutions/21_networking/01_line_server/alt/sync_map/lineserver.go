// Alternative: open connections in a sync.Map, an atomic.Bool for "closed",
// WaitGroup.Go for the goroutines, and one SetDeadline-style helper per
// direction.
package lineserver

import (
	"bufio"
	"errors"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ErrServerClosed is what Serve returns after Close.
var ErrServerClosed = errors.New("lineserver: server closed")

// Server answers the line protocol on every connection it accepts.
type Server struct {
	IdleTimeout  time.Duration
	WriteTimeout time.Duration

	closed atomic.Bool
	lnMu   sync.Mutex
	ln     net.Listener
	open   sync.Map // net.Conn -> struct{}
	addMu  sync.RWMutex
	wg     sync.WaitGroup
}

// Reply answers one command line.
func Reply(line string) (string, bool) {
	fields := strings.SplitN(line, " ", 2)
	switch fields[0] {
	case "PING":
		return "PONG", false
	case "QUIT":
		return "BYE", true
	case "ECHO":
		if len(fields) == 2 {
			return fields[1], false
		}
		return "", false
	}
	return "ERR unknown command", false
}

// Serve accepts connections until Close.
func (s *Server) Serve(ln net.Listener) error {
	s.lnMu.Lock()
	s.ln = ln
	s.lnMu.Unlock()
	if s.closed.Load() {
		ln.Close()
		return ErrServerClosed
	}
	for {
		c, err := ln.Accept()
		if s.closed.Load() {
			if err == nil {
				c.Close()
			}
			return ErrServerClosed
		}
		if err != nil {
			return err
		}
		s.addMu.RLock()
		if s.closed.Load() {
			s.addMu.RUnlock()
			c.Close()
			return ErrServerClosed
		}
		s.open.Store(c, struct{}{})
		s.wg.Go(func() { s.conn(c) })
		s.addMu.RUnlock()
	}
}

func (s *Server) conn(c net.Conn) {
	defer func() {
		s.open.Delete(c)
		c.Close()
	}()
	w := bufio.NewWriter(c)
	sc := bufio.NewScanner(c)
	for {
		c.SetReadDeadline(time.Now().Add(s.IdleTimeout))
		if !sc.Scan() {
			return
		}
		answer, quit := Reply(strings.TrimSuffix(sc.Text(), "\r"))
		c.SetWriteDeadline(time.Now().Add(s.WriteTimeout))
		w.WriteString(answer)
		w.WriteByte('\n')
		if err := w.Flush(); err != nil || quit {
			return
		}
	}
}

// Close closes the listener and every open connection, then waits.
func (s *Server) Close() error {
	s.addMu.Lock()
	s.closed.Store(true)
	s.addMu.Unlock()
	s.lnMu.Lock()
	if s.ln != nil {
		s.ln.Close()
	}
	s.lnMu.Unlock()
	s.open.Range(func(k, _ any) bool {
		k.(net.Conn).Close()
		return true
	})
	s.wg.Wait()
	return nil
}
