package networking

import (
	"bufio"
	"fmt"
	"net"
	"time"
)

// ANCHOR: limit
func serveLimited(ln net.Listener, max int, handle func(net.Conn)) error {
	slots := make(chan struct{}, max) // a semaphore of max slots
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		select {
		case slots <- struct{}{}: // a free slot: serve
			go func() {
				defer func() { <-slots }() // give it back, whatever happens
				defer c.Close()
				handle(c)
			}()
		default: // full: say so and hang up, without waiting
			c.SetWriteDeadline(time.Now().Add(time.Second))
			fmt.Fprintln(c, "ERR busy")
			c.Close()
		}
	}
}

// ANCHOR_END: limit

func Example_serveLimited() {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	hold := make(chan struct{})
	go serveLimited(ln, 1, func(c net.Conn) {
		fmt.Fprintln(c, "welcome")
		<-hold
	})

	first, _ := net.Dial("tcp", ln.Addr().String())
	line, _ := bufio.NewReader(first).ReadString('\n')
	fmt.Print("first: ", line)
	second, _ := net.Dial("tcp", ln.Addr().String())
	line, _ = bufio.NewReader(second).ReadString('\n')
	fmt.Print("second: ", line)
	close(hold)
	// Output:
	// first: welcome
	// second: ERR busy
}
