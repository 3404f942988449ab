package networking

import (
	"bytes"
	"fmt"
	"net"
	"time"
)

// ANCHOR: udp
// serveUDP answers each datagram with its bytes reversed.
func serveUDP(pc net.PacketConn, max int) error {
	buf := make([]byte, max+1) // one byte more, to notice datagrams too long
	for {
		n, addr, err := pc.ReadFrom(buf)
		if err != nil {
			return err // pc was closed
		}
		if n > max {
			pc.WriteTo([]byte("ERR too long"), addr)
			continue
		}
		req := buf[:n] // only these n bytes are this datagram
		reply := bytes.Clone(req)
		for i, j := 0, len(reply)-1; i < j; i, j = i+1, j-1 {
			reply[i], reply[j] = reply[j], reply[i]
		}
		pc.WriteTo(reply, addr) // to whoever sent it
	}
}

// ANCHOR_END: udp

func Example_serveUDP() {
	pc, _ := net.ListenPacket("udp", "127.0.0.1:0")
	go serveUDP(pc, 16)
	defer pc.Close()

	c, _ := net.Dial("udp", pc.LocalAddr().String())
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	for _, msg := range []string{"stressed", "ok", "this one is far too long"} {
		c.Write([]byte(msg))
		n, _ := c.Read(buf)
		fmt.Printf("%s -> %s\n", msg, buf[:n])
	}
	// Output:
	// stressed -> desserts
	// ok -> ko
	// this one is far too long -> ERR too long
}
