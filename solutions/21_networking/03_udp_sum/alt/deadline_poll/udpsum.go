// Alternative: no goroutine watches ctx; a short read deadline wakes
// ReadFrom regularly to check it. Requests are parsed with strings.Fields
// and strconv.Atoi.
package udpsum

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// MaxRequest is the longest request, in bytes, that the server accepts.
const MaxRequest = 512

// Answer returns the sum of the request's integers, or an "ERR " line.
func Answer(req []byte) string {
	words := strings.Fields(string(req))
	if len(words) == 0 {
		return "ERR nothing to add"
	}
	total := 0
	for _, w := range words {
		v, err := strconv.Atoi(w)
		if err != nil {
			return "ERR bad number " + strconv.Quote(w)
		}
		total += v
	}
	return strconv.Itoa(total)
}

// Serve answers datagrams until ctx ends, then closes pc.
func Serve(ctx context.Context, pc net.PacketConn) error {
	defer pc.Close()
	buf := make([]byte, 2*MaxRequest)
	for ctx.Err() == nil {
		pc.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
		n, from, err := pc.ReadFrom(buf)
		if errors.Is(err, os.ErrDeadlineExceeded) {
			continue
		}
		if err != nil {
			return err
		}
		var reply string
		if n > MaxRequest {
			reply = "ERR request over " + strconv.Itoa(MaxRequest) + " bytes"
		} else {
			reply = Answer(buf[:n])
		}
		pc.WriteTo([]byte(reply), from)
	}
	return nil
}
