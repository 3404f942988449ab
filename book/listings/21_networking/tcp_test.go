package networking

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
)

// ANCHOR: server
// upperServer answers each line with the line in capitals.
type upperServer struct {
	idle, write time.Duration

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]struct{}
	wg    sync.WaitGroup
}

func (s *upperServer) serve(ln net.Listener) {
	s.mu.Lock()
	s.ln, s.conns = ln, map[net.Conn]struct{}{}
	s.mu.Unlock()
	for {
		c, err := ln.Accept()
		if err != nil {
			return // the listener was closed
		}
		s.mu.Lock()
		s.conns[c] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.handle(c)
	}
}

func (s *upperServer) handle(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	sc := bufio.NewScanner(c) // lines of at most 64 KiB
	for {
		// Deadlines are absolute: set them again before every wait.
		c.SetReadDeadline(time.Now().Add(s.idle))
		if !sc.Scan() {
			return // EOF, an error, or the deadline passed
		}
		c.SetWriteDeadline(time.Now().Add(s.write))
		if _, err := fmt.Fprintln(c, strings.ToUpper(sc.Text())); err != nil {
			return
		}
	}
}

// close stops accepting, closes every connection, and waits for handlers.
func (s *upperServer) close() {
	s.mu.Lock()
	s.ln.Close()
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

// ANCHOR_END: server

func Example_server() {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback, a free port
	if err != nil {
		panic(err)
	}
	s := &upperServer{idle: time.Minute, write: 10 * time.Second}
	go s.serve(ln)

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	r := bufio.NewReader(c)
	fmt.Fprintln(c, "hello, tcp")
	line, _ := r.ReadString('\n')
	fmt.Print(line)

	s.close()
	_, err = r.ReadString('\n')
	fmt.Println("after close:", err)
	// Output:
	// HELLO, TCP
	// after close: EOF
}
