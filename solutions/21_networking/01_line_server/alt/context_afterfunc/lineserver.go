// Alternative: one context for the server's life; each connection closes
// itself through context.AfterFunc when Close cancels it, and lines are read
// with bufio.Reader.ReadString.
package lineserver

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
)

// ErrServerClosed is what Serve returns after Close.
var ErrServerClosed = errors.New("lineserver: server closed")

// Server answers the line protocol on every connection it accepts.
type Server struct {
	IdleTimeout  time.Duration
	WriteTimeout time.Duration

	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex // guards wg.Add against Close's wg.Wait
	ln     net.Listener
}

func (s *Server) init() {
	s.once.Do(func() { s.ctx, s.cancel = context.WithCancel(context.Background()) })
}

// Reply answers one command line.
func Reply(line string) (string, bool) {
	switch {
	case line == "PING":
		return "PONG", false
	case line == "QUIT":
		return "BYE", true
	case strings.HasPrefix(line, "ECHO "):
		return line[len("ECHO "):], false
	case line == "ECHO":
		return "", false
	default:
		return "ERR unknown command", false
	}
}

// Serve accepts connections until Close.
func (s *Server) Serve(ln net.Listener) error {
	s.init()
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	stop := context.AfterFunc(s.ctx, func() { ln.Close() })
	defer stop()
	for {
		c, err := ln.Accept()
		if err != nil {
			if s.ctx.Err() != nil {
				return ErrServerClosed
			}
			return err
		}
		s.mu.Lock()
		if s.ctx.Err() != nil {
			s.mu.Unlock()
			c.Close()
			continue
		}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(c)
	}
}

func (s *Server) serveConn(c net.Conn) {
	defer s.wg.Done()
	defer c.Close()
	stop := context.AfterFunc(s.ctx, func() { c.Close() })
	defer stop()
	r := bufio.NewReader(c)
	for {
		if err := c.SetReadDeadline(time.Now().Add(s.IdleTimeout)); err != nil {
			return
		}
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		line = strings.TrimRight(line, "\r\n")
		answer, quit := Reply(line)
		if err := c.SetWriteDeadline(time.Now().Add(s.WriteTimeout)); err != nil {
			return
		}
		if _, err := fmt.Fprintln(c, answer); err != nil || quit {
			return
		}
	}
}

// Close cancels the server's context, which closes the listener and every
// connection, and waits for the connections' goroutines.
func (s *Server) Close() error {
	s.init()
	s.mu.Lock()
	s.cancel()
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}
