// Wrong: no read or write deadline, so an idle client, or one that stops
// reading, holds its server goroutine forever.
package lineserver

import (
	"bufio"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"time"
)

// ErrServerClosed is what Serve returns after Close.
var ErrServerClosed = errors.New("lineserver: server closed")

// Server answers the line protocol on every connection it accepts.
//
//	PING        -> PONG
//	ECHO <text> -> <text>
//	QUIT        -> BYE, then the server closes the connection
//	anything else -> ERR unknown command
type Server struct {
	IdleTimeout  time.Duration // drop a client that sends no line for this long
	WriteTimeout time.Duration // drop a client that does not take an answer for this long

	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// Reply returns the answer to one command line, and whether the
// connection ends after it.
func Reply(line string) (answer string, quit bool) {
	cmd, arg, _ := strings.Cut(line, " ")
	switch cmd {
	case "PING":
		return "PONG", false
	case "ECHO":
		return arg, false
	case "QUIT":
		return "BYE", true
	}
	return "ERR unknown command", false
}

// Serve accepts connections on ln and handles each in its own goroutine,
// until Close is called (then it returns ErrServerClosed) or Accept fails.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ln.Close()
		return ErrServerClosed
	}
	s.ln = ln
	s.mu.Unlock()
	for {
		c, err := ln.Accept()
		if err != nil {
			s.mu.Lock()
			closed := s.closed
			s.mu.Unlock()
			if closed {
				return ErrServerClosed
			}
			return err
		}
		if !s.track(c) {
			c.Close()
			continue
		}
		go s.handle(c)
	}
}

// track records an open connection, unless the server is closed.
func (s *Server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return false
	}
	if s.conns == nil {
		s.conns = make(map[net.Conn]struct{})
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	return true
}

func (s *Server) handle(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	sc := bufio.NewScanner(c)
	for {
		if !sc.Scan() {
			return // EOF, deadline, closed by Close, or a line too long
		}
		answer, quit := Reply(strings.TrimSuffix(sc.Text(), "\r"))
		if _, err := io.WriteString(c, answer+"\n"); err != nil || quit {
			return
		}
	}
}

// Close stops the server: the listener and every open connection are
// closed, and Close returns once every connection's goroutine has ended.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	var err error
	if s.ln != nil {
		err = s.ln.Close()
	}
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}
