package realtime

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// ANCHOR: echo
func echo(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil) // answers the upgrade handshake
	if err != nil {
		return // Accept has already written an error response
	}
	defer c.CloseNow() // whatever happens, release the connection
	c.SetReadLimit(64 << 10)

	ctx := context.Background()
	for {
		typ, msg, err := c.Read(ctx)
		if err != nil {
			// The client closed (CloseStatus tells how), the message was
			// too big (the library has sent StatusMessageTooBig), or the
			// connection broke.
			return
		}
		if string(msg) == "bye" {
			c.Close(websocket.StatusNormalClosure, "see you")
			return
		}
		if err := c.Write(ctx, typ, msg); err != nil {
			return
		}
	}
}

// ANCHOR_END: echo

func Example_echo() {
	srv := httptest.NewServer(http.HandlerFunc(echo))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// ANCHOR: dial
	url := "ws" + strings.TrimPrefix(srv.URL, "http") // ws://127.0.0.1:port
	c, _, err := websocket.Dial(ctx, url, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.CloseNow()
	c.Write(ctx, websocket.MessageText, []byte("hello"))
	_, msg, err := c.Read(ctx)
	fmt.Printf("%s %v\n", msg, err)

	c.Write(ctx, websocket.MessageText, []byte("bye"))
	_, _, err = c.Read(ctx)
	fmt.Println(websocket.CloseStatus(err))
	// ANCHOR_END: dial

	// Output:
	// hello <nil>
	// StatusNormalClosure
}
