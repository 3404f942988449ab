package networking

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

// ANCHOR: client
var errTimeout = errors.New("timed out")

// ask sends one line and waits, for a limited time, for one line back.
func ask(ctx context.Context, addr, line string,
	dialWait, readWait time.Duration) (string, error) {

	ctx, cancel := context.WithTimeout(ctx, dialWait)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()

	conn.SetDeadline(time.Now().Add(readWait)) // for the write and the read
	if _, err := fmt.Fprintln(conn, line); err != nil {
		return "", err
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return "", fmt.Errorf("%s: no answer in %v: %w", addr, readWait, errTimeout)
	}
	return strings.TrimSuffix(answer, "\n"), err
}

// ANCHOR_END: client

func Example_ask() {
	// A server that accepts and then says nothing.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	go func() {
		c, _ := ln.Accept()
		defer c.Close()
		time.Sleep(time.Second)
	}()
	addr := ln.Addr().String()
	_, err := ask(context.Background(), addr, "PING", time.Second, 50*time.Millisecond)
	fmt.Println("timed out:", errors.Is(err, errTimeout))
	// Output: timed out: true
}
