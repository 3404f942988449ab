// A UDP service: each datagram is a request (integers separated by
// spaces), and the server answers each one with a datagram to whoever sent
// it. Serve reads and answers, but as written it gets three things wrong:
//   - it ignores n, the length ReadFrom returns, and answers the whole
//     buffer (what is left of earlier, longer datagrams included);
//   - a datagram longer than MaxRequest bytes is cut silently to the
//     buffer's size and answered as if it were complete: read into a buffer
//     one byte larger, and answer "ERR too long" when it fills;
//   - it never stops: when ctx ends, close pc (that ends the blocked
//     ReadFrom) and return nil.
//
// Answer already handles malformed requests; a bad request must never stop
// the server. You are done when the verdict says the hidden tests pass.
package udpsum

import (
	"bytes"
	"context"
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
	// TODO: stop when ctx ends.
	buf := make([]byte, MaxRequest) // TODO: notice requests that are too long
	for {
		_, addr, err := pc.ReadFrom(buf) // TODO: use n
		if err != nil {
			return err
		}
		pc.WriteTo([]byte(Answer(bytes.TrimRight(buf, "\x00"))), addr)
	}
}
