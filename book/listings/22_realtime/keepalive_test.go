package realtime

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// ANCHOR: keepalive
// keepAlive pings c every so often until ctx ends. A ping without a pong
// within timeout means the peer is gone: it closes c, which makes the
// Read of the connection's reading loop fail.
func keepAlive(ctx context.Context, c *websocket.Conn, every, timeout time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pingCtx, cancel := context.WithTimeout(ctx, timeout)
		err := c.Ping(pingCtx) // needs a Read running meanwhile, for the pong
		cancel()
		if err != nil {
			c.CloseNow()
			return
		}
	}
}

func serveWithPings(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	defer wg.Wait() // 2: and wait until it has
	defer cancel()  // 1: stop the pinger
	wg.Go(func() { keepAlive(ctx, c, 30*time.Second, 10*time.Second) })

	for {
		if _, _, err := c.Read(ctx); err != nil {
			return
		}
		// ... handle the message
	}
}

// ANCHOR_END: keepalive

func Example_ping() {
	srv := httptest.NewServer(http.HandlerFunc(serveWithPings))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.CloseNow()
	// A client pings too; the server's Read loop answers with a pong.
	// Its own Read is CloseRead here, which reads (and answers) control
	// frames and closes the connection if a data message arrives.
	ctx = c.CloseRead(ctx)
	fmt.Println("ping:", c.Ping(ctx))
	// Output:
	// ping: <nil>
}
