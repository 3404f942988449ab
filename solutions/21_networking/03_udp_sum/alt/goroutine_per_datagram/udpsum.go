// Alternative: each datagram is copied out of the read buffer and answered
// in its own goroutine; a watcher goroutine closes the socket when ctx ends
// and Serve waits for the answers in flight.
package udpsum

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net"
	"sync"
)

// MaxRequest is the longest request, in bytes, that the server accepts.
const MaxRequest = 512

// Answer returns the sum of the request's integers, or an "ERR " line.
func Answer(req []byte) string {
	parts := bytes.Fields(req)
	if len(parts) == 0 {
		return "ERR empty"
	}
	sum := new(big.Int)
	for _, p := range parts {
		v, ok := new(big.Int).SetString(string(p), 10)
		if !ok || !v.IsInt64() {
			return fmt.Sprintf("ERR %q is not an integer", p)
		}
		sum.Add(sum, v)
	}
	return sum.String()
}

// Serve answers datagrams until ctx ends, then closes pc.
func Serve(ctx context.Context, pc net.PacketConn) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-ctx.Done():
		case <-done:
		}
		pc.Close()
	}()
	buf := make([]byte, MaxRequest+1)
	for {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if n > MaxRequest {
			pc.WriteTo([]byte("ERR too long"), addr)
			continue
		}
		req := bytes.Clone(buf[:n])
		wg.Go(func() { pc.WriteTo([]byte(Answer(req)), addr) })
	}
}
