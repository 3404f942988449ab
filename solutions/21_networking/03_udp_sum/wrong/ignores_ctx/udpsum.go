// Wrong: nothing watches ctx, so Serve stays blocked in ReadFrom forever
// after the caller cancels it.
package udpsum

import (
	"bytes"
	"context"
	"errors"
	"net"
	"strconv"
)

// MaxRequest is the longest request, in bytes, that the server accepts.
const MaxRequest = 512

// Answer returns the reply to one request: the sum of its integers, or a
// line starting with "ERR " when the request is empty or malformed.
func Answer(req []byte) string {
	fields := bytes.Fields(req)
	if len(fields) == 0 {
		return "ERR empty request"
	}
	var sum int64
	for _, f := range fields {
		n, err := strconv.ParseInt(string(f), 10, 64)
		if err != nil {
			return "ERR not a number: " + strconv.Quote(string(f))
		}
		sum += n
	}
	return strconv.FormatInt(sum, 10)
}

// Serve answers every datagram that arrives on pc until ctx ends; then it
// closes pc and returns nil. It returns early only if reading fails.
func Serve(ctx context.Context, pc net.PacketConn) error {
	buf := make([]byte, MaxRequest+1)
	for {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		reply := "ERR too long"
		if n <= MaxRequest {
			reply = Answer(buf[:n])
		}
		// A reply that cannot be sent is the client's problem, not ours.
		pc.WriteTo([]byte(reply), addr)
	}
}
